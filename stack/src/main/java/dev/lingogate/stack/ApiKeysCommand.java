package dev.lingogate.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.admission.ApiKeyFile;
import dev.lingogate.stack.template.ApiSpec;
import dev.lingogate.stack.template.Template;
import dev.lingogate.stack.template.TemplateException;
import dev.lingogate.stack.template.TemplateReader;
import dev.lingogate.stack.wiring.StackOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lingogate api-keys}: the keys callers send in {@code x-api-key} to routes with
 * {@code Auth: ApiKeyRequired}. Kept under the data directory; a running gateway sees changes within
 * a second, without a restart. Output is JSON shaped as {@code aws apigateway} prints keys.
 */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
        description = "Create, import, list and delete the API keys of the gateway.")
final class ApiKeysCommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "data", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The data directory of the stack. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key; its value is random unless --value imports one (at least 20 characters).")
    int create(@Option(names = "--name", required = true, description = "What the key is for.") String name,
               @Option(names = "--value", description = "The value to import instead of a random one.") String value,
               @Option(names = "--usage-plan", paramLabel = "ID",
                       description = "A usage plan to join (repeatable). Default: every plan of the template.")
               List<String> usagePlans,
               @Option(names = "--template", defaultValue = "template.yaml",
                       description = "The SAM template whose plans a key joins by default. Default: ${DEFAULT-VALUE}")
               Path template) throws Exception {
        List<String> plans = usagePlans != null ? usagePlans : plansOf(template);
        ApiKey key;
        try {
            key = value == null ? ApiKey.generate(name, plans) : ApiKey.imported(name, value, plans);
            keys().put(key);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        spec.commandLine().getOut().println(JSON.writeValueAsString(key));
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every key, with its value.")
    int list() throws Exception {
        spec.commandLine().getOut().println(JSON.writeValueAsString(java.util.Map.of("items", keys().list())));
        return 0;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the key of an id.")
    int delete(@Parameters(paramLabel = "ID", description = "The key's id, as list shows it.") String id) {
        return keys().delete(id) ? 0 : fail("no API key with id " + id);
    }

    private ApiKeyFile keys() {
        return ApiKeyFile.open(StackOptions.apiKeyDirectory(dataDir.toAbsolutePath()));
    }

    private List<String> plansOf(Path template) {
        try {
            Template read = new TemplateReader(StackOptions.STACK_NAME, "us-east-1", StackOptions.ACCOUNT_ID).read(template);
            return read.apis().stream().map(ApiSpec::usagePlan).filter(Objects::nonNull).map(plan -> plan.id())
                    .distinct().toList();
        } catch (TemplateException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "template: " + e.getMessage());
        }
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("lingogate api-keys: " + message);
        return 1;
    }
}
