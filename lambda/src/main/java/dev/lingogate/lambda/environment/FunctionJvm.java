package dev.lingogate.lambda.environment;

import dev.lingogate.edge.process.OwnSession;
import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.HostOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The command line and environment of one execution environment's JVM: the function's code and the
 * official Lambda runtime interface client, started with the variables Lambda sets.
 *
 * <p>The JVM's main class is the lambda-runtime module's {@code JavaTransportRuntime}: the official
 * client's own main, handler loading, serialization, Context, logger and error reports, with a Java
 * transport to the Runtime API in place of the client's JNI library around libcurl, which made about
 * 18 system calls per invocation where the Java one makes 4. Without that library nothing is unpacked
 * or loaded at start-up either.
 */
final class FunctionJvm {

    static final String RUNTIME_CLIENT_MAIN = "dev.lingogate.lambda.runtime.client.JavaTransportRuntime";

    /** The jars {@code runtimeClientClasspath} must hold: the main class's, and the official client's. */
    private static final List<String> RUNTIME_CLIENT_JARS = List.of("lingogate-lambda-runtime", "aws-lambda-java-runtime-interface-client");

    /** Host variables a JVM needs to run that say nothing about who it is. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "TZ", "JAVA_HOME");

    private final FunctionDefinition function;
    private final HostOptions options;
    private final List<Path> runtimeClientJars;
    private final ClassDataArchive archive;

    FunctionJvm(FunctionDefinition function, HostOptions options) {
        this.function = function;
        this.options = options;
        this.runtimeClientJars = jarsIn(options.runtimeClientClasspath());
        this.archive = ClassDataArchive.of(options.dataDir().resolve("cds").resolve(function.name()), options.javaExecutable(),
                Stream.concat(function.codeClasspath().stream(), runtimeClientJars.stream()).toList());
    }

    /** The function's class data archive, which the environments' JVMs write and map. */
    ClassDataArchive archive() {
        return archive;
    }

    /** Where the environments' JVMs print to, a file each. */
    Path outputDirectory() {
        return options.dataDir().resolve("environments");
    }

    /**
     * @param provisioned whether the environment is one of the function's provisioned concurrency
     * @param output      the file its JVM prints to, stdout and stderr together
     */
    ProcessBuilder processFor(String runtimeApiAddress, ClassDataArchive.Launch launch, boolean provisioned, Path output) {
        List<String> command = new ArrayList<>(List.of(
                options.javaExecutable().toString(),
                // A JVM's heap plus its metaspace and stacks must fit in MemorySize, as on Lambda.
                "-Xmx" + (function.memoryMb() * 85 / 100) + "m",
                // Cold start matters more than peak throughput for a function.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData"));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of(
                "-cp", classpath(),
                RUNTIME_CLIENT_MAIN,
                function.handler()));
        // Ctrl-C in the launcher's terminal must not end an invocation the launcher's stop would drain.
        ProcessBuilder builder = OwnSession.builder(command)
                .directory(taskRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> environment = builder.environment();
        // From scratch: the host's own credentials and settings must not leak into a function.
        environment.clear();
        INHERITED.forEach(name -> {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        });
        environment.putAll(function.environment());
        // Lambda's reserved variables win over the template's, as on AWS.
        environment.put("AWS_REGION", options.region());
        environment.put("AWS_DEFAULT_REGION", options.region());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", provisioned ? "provisioned-concurrency" : "on-demand");
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        environment.put("_HANDLER", function.handler());
        environment.put("LAMBDA_TASK_ROOT", taskRoot().toString());
        environment.put("AWS_ENDPOINT_URL", options.edgeEndpoint());
        environment.put("AWS_ACCESS_KEY_ID", function.credentials().id());
        environment.put("AWS_SECRET_ACCESS_KEY", function.credentials().secret());
        return builder;
    }

    /**
     * Whether the handler's class is on the function's classpath. The runtime interface client only
     * reports a missing class when the first event arrives; Lambda reports it as the environment's
     * init error, so the host looks before it starts a JVM for nothing.
     */
    boolean hasHandlerClass() {
        String classFile = handlerClassName().replace('.', '/') + ".class";
        for (Path entry : function.codeClasspath()) {
            if (Files.isDirectory(entry) ? Files.isRegularFile(entry.resolve(classFile)) : jarHolds(entry, classFile)) {
                return true;
            }
        }
        return false;
    }

    String handlerClassName() {
        String handler = function.handler();
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }

    private static boolean jarHolds(Path jar, String classFile) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(classFile) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private String classpath() {
        return Stream.concat(function.codeClasspath().stream(), runtimeClientJars.stream())
                .map(path -> path.toAbsolutePath().toString())
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    /** Where the function's code lies: its class directory, or the directory of its jar. */
    private Path taskRoot() {
        Path code = function.codeClasspath().get(0).toAbsolutePath();
        return Files.isDirectory(code) ? code : code.getParent();
    }

    private static List<Path> jarsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            for (String needed : RUNTIME_CLIENT_JARS) {
                if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith(needed))) {
                    throw new IllegalArgumentException("no " + needed + " jar in " + directory);
                }
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runtime client classpath " + directory, e);
        }
    }
}
