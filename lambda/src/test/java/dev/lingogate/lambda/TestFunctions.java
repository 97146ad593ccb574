package dev.lingogate.lambda;

import dev.lingogate.iam.AccessKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** The test functions of {@code dev.lingogate.lambda.functions}, as a template would declare them. */
final class TestFunctions {

    static final AccessKey ROLE_KEY = new AccessKey("AKIAFUNCTIONROLE0001", "function-role-secret-key");
    static final String EDGE = "http://127.0.0.1:4566";

    private TestFunctions() {}

    static FunctionDefinition function(String name, String handlerClass, int timeoutSeconds, Map<String, String> environment) {
        String handler = handlerClass.contains(".") ? handlerClass : "dev.lingogate.lambda.functions." + handlerClass;
        return new FunctionDefinition(name, handler + "::handleRequest", "java17", List.of(Path.of("target/test-classes")),
                256, timeoutSeconds, environment, ROLE_KEY, "arn:aws:iam::000000000000:role/" + name + "-role");
    }

    /** A test function whose code is {@code jar} rather than the class directory. */
    static FunctionDefinition functionIn(Path jar, String name, String handlerClass) {
        return new FunctionDefinition(name, "dev.lingogate.lambda.functions." + handlerClass + "::handleRequest", "java17",
                List.of(jar), 256, 10, Map.of(), ROLE_KEY, "arn:aws:iam::000000000000:role/" + name + "-role");
    }

    /** Packs the test functions into a jar, as {@code mvn package} packs a function's code. */
    static Path functionsJar(Path directory) throws IOException {
        Path classes = Path.of("target/test-classes");
        Path jar = directory.resolve("functions.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes.resolve("dev/lingogate/lambda/functions"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    static FunctionDefinition function(String name, String handlerClass) {
        return function(name, handlerClass, 10, Map.of());
    }

    static HostOptions options(Path dataDir, int maxEnvironmentsPerFunction) {
        return options(dataDir, maxEnvironmentsPerFunction, Duration.ofMillis(300));
    }

    static HostOptions options(Path dataDir, int maxEnvironmentsPerFunction, Duration throttleWait) {
        return new HostOptions(dataDir, EDGE, "us-east-1", maxEnvironmentsPerFunction,
                Path.of(System.getProperty("java.home"), "bin", "java"), Path.of("target/runtime-client"), throttleWait);
    }

    static Invocation invoke(FunctionHost host, String function, String payload) throws Exception {
        return host.invoke(function, payload.getBytes(StandardCharsets.UTF_8)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The {@code START} lines of a function's log file. */
    static List<String> startLines(Path dataDir, String function) throws IOException {
        Path log = dataDir.resolve("logs").resolve(function + ".log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.startsWith("START ")).toList() : List.of();
    }

    /** Waits (30 s at most) until the function's log has {@code count} START lines, and returns them. */
    static List<String> awaitStartLines(Path dataDir, String function, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> starts = startLines(dataDir, function);
        while (starts.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            starts = startLines(dataDir, function);
        }
        return starts;
    }
}
