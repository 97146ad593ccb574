package dev.lingogate.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A function's code built as a developer builds it, {@code dev.lingogate.lambda.rebuilt.Greeter},
 * whose handler answers {@code "<greeting> from <pid>"} after sleeping the event's {@code sleepMillis}:
 * compiled by the JDK's compiler into a class directory, and packed into a jar as {@code mvn package} does.
 */
final class FunctionBuild {

    static final String HANDLER = "dev.lingogate.lambda.rebuilt.Greeter::handleRequest";

    private FunctionBuild() {}

    /** Compiles the Greeter answering {@code greeting} into {@code classes}, over what was there. */
    static void compile(Path classes, String greeting) throws IOException {
        Path sources = Files.createTempDirectory("greeter-src");
        Path source = sources.resolve("Greeter.java");
        Files.writeString(source, """
                package dev.lingogate.lambda.rebuilt;

                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;

                public class Greeter implements RequestHandler<Map<String, Object>, String> {
                    @Override
                    public String handleRequest(Map<String, Object> event, Context context) {
                        try {
                            Thread.sleep(((Number) event.getOrDefault("sleepMillis", 0)).longValue());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return "%s from " + ProcessHandle.current().pid();
                    }
                }
                """.formatted(greeting));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String lambdaCore;
        try (Stream<Path> jars = Files.list(Path.of("target/runtime-client"))) {
            lambdaCore = jars.filter(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-core")).findFirst()
                    .orElseThrow().toString();
        }
        int status = javac.run(null, null, null, "--release", "17", "-cp", lambdaCore, "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
    }

    /** Compiles the Greeter answering {@code greeting} and packs it into {@code jar}, over what was there. */
    static void packageJar(Path jar, String greeting) throws IOException {
        Path classes = Files.createTempDirectory("greeter-classes");
        compile(classes, greeting);
        Path written = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(written));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        Files.move(written, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
