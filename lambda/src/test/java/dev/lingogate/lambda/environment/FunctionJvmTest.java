package dev.lingogate.lambda.environment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.iam.AccessKey;
import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.HostOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionJvmTest {

    @Test
    void aRuntimeClientDirectoryWithoutTheJavaTransportIsRefusedByName(@TempDir Path data) throws Exception {
        Path runtimeClient = Files.createDirectories(data.resolve("runtime-client"));
        try (var jars = Files.list(Path.of("target/runtime-client"))) {
            for (Path jar : jars.filter(jar -> !jar.getFileName().toString().startsWith("lingogate-lambda-runtime")).toList()) {
                Files.copy(jar, runtimeClient.resolve(jar.getFileName()));
            }
        }
        FunctionDefinition echo = new FunctionDefinition("echo", "dev.lingogate.lambda.functions.Echo::handleRequest", "java17",
                List.of(Path.of("target/test-classes")), 256, 10, Map.of(), new AccessKey("AKIAFUNCTIONROLE0001", "secret"),
                "arn:aws:iam::000000000000:role/echo-role");

        assertThatThrownBy(() -> new FunctionJvm(echo, HostOptions.defaults(data, "http://127.0.0.1:4566", runtimeClient)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no lingogate-lambda-runtime jar in " + runtimeClient);
    }
}
