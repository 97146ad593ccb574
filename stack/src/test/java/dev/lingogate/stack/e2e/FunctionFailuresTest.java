package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that fail in each way a function can, run in their own JVMs behind the gateway: the
 * client gets API Gateway's answer for each, and never the function's internals.
 */
class FunctionFailuresTest {

    @TempDir
    static Path dir;

    static RunningStack stack;

    @BeforeAll
    static void start() throws IOException {
        String code = Path.of("target/test-classes").toAbsolutePath().toString();
        StringBuilder yaml = new StringBuilder("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java17
                    CodeUri: %s
                    MemorySize: 256
                    Timeout: 2
                Resources:
                """.formatted(code));
        for (String[] function : new String[][] {{"Sleeper", "/sleep"}, {"Thrower", "/throw"}, {"Malformed", "/malformed"},
                {"Exiter", "/exit"}}) {
            yaml.append("""
                      %1$sFunction:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: dev.lingogate.stack.e2e.functions.%1$s::handleRequest
                          Events:
                            Call: {Type: Api, Properties: {Path: %2$s, Method: get}}
                    """.formatted(function[0], function[1]));
        }
        Path template = Files.writeString(dir.resolve("template.yaml"), yaml);
        stack = RunningStack.start(template, dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aFunctionPastItsTimeoutIsAGatewayTimeout() {
        HttpResponse<String> response = stack.get("/sleep");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    }

    @Test
    void anUncaughtExceptionIsABadGatewayWithoutItsDetails() {
        HttpResponse<String> response = stack.get("/throw");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void anAnswerThatIsNotAProxyResponseIsABadGateway() {
        HttpResponse<String> response = stack.get("/malformed");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }

    @Test
    void aRuntimeThatExitsIsABadGatewayAndTheNextCallStillGetsAnAnswer() {
        assertThat(stack.get("/exit").statusCode()).isEqualTo(502);
        assertThat(stack.get("/exit").statusCode()).isEqualTo(502);
    }

    @Test
    void theFunctionsLogShowsTheFailureBetweenStartAndReport() {
        stack.get("/throw");

        CommandRun logs = CommandRun.of("logs", "ThrowerFunction", "--data-dir", dir.resolve("data").toString(),
                "--template", dir.resolve("template.yaml").toString());

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("START RequestId: ", "secret internals that must not reach the client",
                "END RequestId: ", "REPORT RequestId: ");
    }

    @Test
    void followingALogPrintsTheLinesOfTheNextInvocation() throws Exception {
        StringWriter followed = new StringWriter();
        Thread follower = new Thread(() -> CommandRun.into(followed, "logs", "ThrowerFunction", "--follow",
                "--data-dir", dir.resolve("data").toString(), "--template", dir.resolve("template.yaml").toString()));
        follower.start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            int startsBefore = -1;
            while (System.nanoTime() < deadline) {
                int starts = followed.toString().split("START RequestId", -1).length - 1;
                if (startsBefore < 0) {
                    startsBefore = starts;
                    stack.get("/throw");
                } else if (starts > startsBefore) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(followed.toString().split("START RequestId", -1).length - 1).isGreaterThan(startsBefore);
        } finally {
            follower.interrupt();
            follower.join(5_000);
        }
    }

    @Test
    void logsOfAFunctionTheTemplateDoesNotHaveNameTheOnesItHas() {
        CommandRun logs = CommandRun.of("logs", "NoSuchFunction", "--data-dir", dir.resolve("data").toString(),
                "--template", dir.resolve("template.yaml").toString());

        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.err()).contains("no function NoSuchFunction", "SleeperFunction, ThrowerFunction");
    }
}
