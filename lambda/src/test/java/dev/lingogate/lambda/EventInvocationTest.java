package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.awaitStartLines;
import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.startLines;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Event invocations through the Invoke API: queued, answered 202 at once, and retried as Lambda retries them. */
class EventInvocationTest {

    @TempDir
    static Path dataDir;
    private static Vertx vertx;
    private static FunctionHost host;
    private static RunningEdge edge;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        // Lambda waits a minute, then two, before its retries: the test's host waits 100 ms.
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 1)
                .withEventRetryDelays(List.of(Duration.ofMillis(100), Duration.ofMillis(100))));
        host.register(function("thrower", "Thrower"));
        host.register(function("echo", "Echo"));
        host.register(function("sleeper", "Sleeper"));
        edge = new RunningEdge(vertx, List.of(host.invokeApi()));
        lambda = edge.lambdaClient(RunningEdge.ADMIN);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        edge.close();
        host.close();
        vertx.close().await();
    }

    private static InvokeResponse event(String functionName, String payload) {
        return lambda.invoke(r -> r.functionName(functionName).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void eventWhoseFunctionFailsIsRetriedTwiceUnderItsRequestId() throws Exception {
        InvokeResponse response = event("thrower", "{}");

        assertThat(response.statusCode()).isEqualTo(202);
        String requestId = response.responseMetadata().requestId();
        assertThat(awaitStartLines(dataDir, "thrower", 3))
                .containsExactly(start(requestId), start(requestId), start(requestId));
        Thread.sleep(500);
        assertThat(startLines(dataDir, "thrower")).as("no fourth attempt").hasSize(3);
    }

    @Test
    void eventWhoseFunctionSucceedsRunsOnce() throws Exception {
        InvokeResponse response = event("echo", "{\"text\": \"once\"}");

        assertThat(awaitStartLines(dataDir, "echo", 1)).containsExactly(start(response.responseMetadata().requestId()));
        Thread.sleep(500);
        assertThat(startLines(dataDir, "echo")).hasSize(1);
    }

    @Test
    void throttledEventRunsOnceTheFunctionHasRoom() throws Exception {
        CompletionStage<Invocation> busy = host.invoke("sleeper", "{\"sleepMillis\": 1500}".getBytes(StandardCharsets.UTF_8));
        awaitStartLines(dataDir, "sleeper", 1);

        InvokeResponse response = event("sleeper", "{}");

        assertThat(awaitStartLines(dataDir, "sleeper", 2)).last().isEqualTo(start(response.responseMetadata().requestId()));
        assertThat(busy.toCompletableFuture().get(30, TimeUnit.SECONDS)).isInstanceOf(Invocation.Returned.class);
    }

    private static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: $LATEST";
    }
}
