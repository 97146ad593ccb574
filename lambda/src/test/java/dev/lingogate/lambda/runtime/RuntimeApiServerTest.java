package dev.lingogate.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API as a runtime sees it, spoken to over real HTTP by a runtime that may misbehave. */
class RuntimeApiServerTest {

    /** An environment with one invocation, {@code req-1}, in progress; it records what the runtime said. */
    private static final class OneInvocation implements RuntimeApi {
        final CompletableFuture<Consumer<InvocationEvent>> waitingRuntime = new CompletableFuture<>();
        final List<String> answers = new ArrayList<>();

        @Override
        public void nextRequested(Consumer<InvocationEvent> delivery) {
            waitingRuntime.complete(delivery);
        }

        @Override
        public synchronized boolean responded(String requestId, byte[] payload) {
            answers.add("response " + requestId + " " + new String(payload, StandardCharsets.UTF_8));
            return requestId.equals("req-1");
        }

        @Override
        public synchronized boolean failed(String requestId, String errorType, byte[] body) {
            answers.add("error " + requestId + " " + errorType);
            return requestId.equals("req-1");
        }

        @Override
        public synchronized void initFailed(String errorType, byte[] body) {
            answers.add("init error " + errorType + " " + new String(body, StandardCharsets.UTF_8));
        }
    }

    private Vertx vertx;
    private OneInvocation environment;
    private RuntimeApiServer server;
    private final HttpClient runtime = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        environment = new OneInvocation();
        server = new RuntimeApiServer(vertx, environment);
        server.start().await();
    }

    @AfterEach
    void stop() {
        server.stop().await();
        vertx.close().await();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return runtime.send(HttpRequest.newBuilder(URI.create("http://" + server.address() + path))
                .header("Lambda-Runtime-Function-Error-Type", "Runtime.TestError")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nextWaitsForAnEventAndHandsItOverWithLambdasHeaders() throws Exception {
        CompletableFuture<HttpResponse<String>> next = runtime.sendAsync(
                HttpRequest.newBuilder(URI.create("http://" + server.address() + "/2018-06-01/runtime/invocation/next")).build(),
                HttpResponse.BodyHandlers.ofString());

        environment.waitingRuntime.get(10, TimeUnit.SECONDS).accept(new InvocationEvent("req-1", 1_700_000_000_000L,
                "arn:aws:lambda:us-east-1:000000000000:function:f", "Root=1-abc", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> event = next.get(10, TimeUnit.SECONDS);
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(event.body()).isEqualTo("{\"a\":1}");
        assertThat(event.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).contains("req-1");
        assertThat(event.headers().firstValue("Lambda-Runtime-Deadline-Ms")).contains("1700000000000");
        assertThat(event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains("arn:aws:lambda:us-east-1:000000000000:function:f");
        assertThat(event.headers().firstValue("Lambda-Runtime-Trace-Id")).contains("Root=1-abc");
        assertThat(event.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void responseIsAcceptedWith202() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/invocation/req-1/response", "\"done\"".getBytes());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(environment.answers).containsExactly("response req-1 \"done\"");
    }

    @Test
    void answerForAnotherRequestIdIsRejectedAsInvalidRequestId() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/invocation/req-2/response", "{}".getBytes());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
    }

    @Test
    void errorCarriesTheRuntimesErrorType() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/invocation/req-1/error", "{\"errorMessage\":\"x\"}".getBytes());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(environment.answers).containsExactly("error req-1 Runtime.TestError");
    }

    @Test
    void responseOverSixMegabytesIsRefusedWith413AndFailsTheInvocation() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/invocation/req-1/response", new byte[6 * 1024 * 1024 + 1]);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"errorType\":\"RequestEntityTooLarge\"");
        assertThat(environment.answers).containsExactly("error req-1 Function.ResponseSizeTooLarge");
    }

    @Test
    void initErrorIsPassedOn() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/init/error", "{\"errorType\":\"E\"}".getBytes());

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(environment.answers).containsExactly("init error Runtime.TestError {\"errorType\":\"E\"}");
    }

    @Test
    void unknownPathIs404() throws Exception {
        HttpResponse<String> answer = post("/2018-06-01/runtime/invocation/req-1/elsewhere", new byte[0]);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"errorType\":\"UnknownPath\"");
    }
}
