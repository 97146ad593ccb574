package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Debian AWS CLI ({@code /usr/bin/aws}) against the Lambda API on a real edge. */
class AwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    private static Vertx vertx;
    private static FunctionHost host;
    private static RunningEdge edge;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(AWS), "the AWS CLI is not installed at /usr/bin/aws");
        vertx = Vertx.vertx();
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 1));
        host.register(function("printer", "Printer"));
        host.register(function("thrower", "Thrower"));
        edge = new RunningEdge(vertx, List.of(host.invokeApi()));
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            edge.close();
            host.close();
            vertx.close().await();
        }
    }

    /** Runs the CLI with the admin key in its environment; answers its standard output. */
    private static String aws(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", "http://127.0.0.1:" + edge.port(),
                "--region", "us-east-1", "--output", "json"));
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile(dataDir, "aws", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("AWS_ACCESS_KEY_ID", RunningEdge.ADMIN.id());
        environment.put("AWS_SECRET_ACCESS_KEY", RunningEdge.ADMIN.secret());
        environment.put("AWS_CONFIG_FILE", dataDir.resolve("no-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dataDir.resolve("no-credentials").toString());
        environment.put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("aws %s: %s", arguments[1], Files.readString(errors)).isZero();
        return output;
    }

    @Test
    void invokeWritesThePayloadToItsFileAndTheLogTailToItsOutput() throws Exception {
        Path answer = dataDir.resolve("answer.json");

        JsonNode result = JSON.readTree(aws("lambda", "invoke", "--function-name", "printer", "--log-type", "Tail",
                "--cli-binary-format", "raw-in-base64-out", "--payload", "{\"line\": \"Hallo vom CLI\"}", answer.toString()));

        assertThat(result.path("StatusCode").asInt()).isEqualTo(200);
        assertThat(result.path("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(new String(Base64.getDecoder().decode(result.path("LogResult").asText()), StandardCharsets.UTF_8))
                .startsWith("START RequestId: ").contains("\nHallo vom CLI\n").contains("\nREPORT RequestId: ");
        assertThat(Files.readString(answer)).isEqualTo("\"printed\"");
    }

    @Test
    void invokeOfAFailingFunctionReportsTheFunctionError() throws Exception {
        Path answer = dataDir.resolve("error.json");

        JsonNode result = JSON.readTree(aws("lambda", "invoke", "--function-name", "thrower", answer.toString()));

        assertThat(result.path("FunctionError").asText()).isEqualTo("Unhandled");
        assertThat(JSON.readTree(answer.toFile()).path("errorMessage").asText()).isEqualTo("the translation table is missing");
    }

    @Test
    void getFunctionAndListFunctionsDescribeTheFunctions() throws Exception {
        JsonNode function = JSON.readTree(aws("lambda", "get-function", "--function-name", "printer"));
        JsonNode list = JSON.readTree(aws("lambda", "list-functions"));

        assertThat(function.path("Configuration").path("Handler").asText())
                .isEqualTo("dev.lingogate.lambda.functions.Printer::handleRequest");
        assertThat(function.path("Configuration").path("State").asText()).isEqualTo("Active");
        assertThat(list.path("Functions").findValuesAsText("FunctionName")).containsExactly("printer", "thrower");
    }
}
