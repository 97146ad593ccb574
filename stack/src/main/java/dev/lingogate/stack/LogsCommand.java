package dev.lingogate.stack;

import dev.lingogate.lambda.log.FunctionLog;
import dev.lingogate.lambda.log.LogReader;
import dev.lingogate.stack.template.FunctionSpec;
import dev.lingogate.stack.template.TemplateException;
import dev.lingogate.stack.template.TemplateReader;
import dev.lingogate.stack.wiring.StackOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lingogate logs FUNCTION [--follow]}: a function's log as its environments wrote it (START,
 * the function's own lines, END, REPORT), like {@code sam logs}; with {@code --follow}, then every
 * line as it is written, until Ctrl-C.
 */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a function's log.")
final class LogsCommand implements Callable<Integer> {

    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(250);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FUNCTION", description = "The function's name or its logical id in the template.")
    String function;

    @Option(names = {"-f", "--follow"}, description = "Keep printing lines as they are written.")
    boolean follow;

    @Option(names = "--data-dir", defaultValue = "data", description = "The data directory of the stack. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--template", defaultValue = "template.yaml", description = "The SAM template. Default: ${DEFAULT-VALUE}")
    Path template;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> name = functionName();
        if (name.isEmpty()) {
            return 1;
        }
        LogReader log = LogReader.of(dataDir.toAbsolutePath(), name.get());
        log.read().forEach(out::println);
        out.flush();
        if (follow) {
            log.follow(line -> {
                out.println(line);
                out.flush();
            }, FOLLOW_INTERVAL);
        }
        return 0;
    }

    /** The name the host logs under: the template's FunctionName for a logical id, else the name given if it has a log. */
    private Optional<String> functionName() {
        List<FunctionSpec> functions = templateFunctions();
        Optional<String> known = functions.stream()
                .filter(f -> f.logicalId().equals(function) || f.functionName().equals(function))
                .map(FunctionSpec::functionName).findFirst();
        if (known.isPresent() || Files.exists(FunctionLog.fileOf(dataDir.toAbsolutePath(), function))) {
            return Optional.of(known.orElse(function));
        }
        spec.commandLine().getErr().println("lingogate logs: no function " + function + " in " + template
                + " and no log of that name; the template's functions are "
                + String.join(", ", functions.stream().map(FunctionSpec::logicalId).toList()));
        return Optional.empty();
    }

    /** The template's functions; none when it cannot be read, as logs are still worth showing then. */
    private List<FunctionSpec> templateFunctions() {
        try {
            return new TemplateReader(StackOptions.STACK_NAME, "us-east-1", StackOptions.ACCOUNT_ID).read(template)
                    .functions();
        } catch (TemplateException e) {
            return List.of();
        }
    }
}
