package dev.lingogate.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calls that may block wait for the edge's workers within a bound: past it a call is answered its
 * service's overloaded error at once, and the edge serves as before once the backlog drains. The
 * {@code Hold} operation keeps its worker until the test lets go.
 */
class WorkerBacklogTest {

    private static final AccessKey KEY = new AccessKey("AKIDADMIN", "admin-secret");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Vertx vertx = Vertx.vertx();
    private final Semaphore holding = new Semaphore(0);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private EdgeServer edge;

    @AfterEach
    void stop() {
        letGo.countDown();
        edge.stop().await();
        vertx.close().await();
    }

    @Test
    void aCallPastTheWorkerBacklogIsThrottledAtOnceAndTheHeldOnesComplete() throws Exception {
        start(new BacklogLimit(2, 1024 * 1024), service());
        List<CompletableFuture<HttpResponse<String>>> held = List.of(send("Hold", "{}"), send("Hold", "{}"));
        assertThat(holding.tryAcquire(2, 10, TimeUnit.SECONDS)).as("both held calls running").isTrue();

        HttpResponse<String> turnedAway = send("Greet", "{}").get(10, TimeUnit.SECONDS);

        assertThat(turnedAway.statusCode()).isEqualTo(400);
        assertThat(turnedAway.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        assertThat(JSON.readTree(turnedAway.body())).isEqualTo(JSON.readTree(
                "{\"__type\":\"com.example.greeter#ThrottlingException\","
                        + "\"message\":\"The request was denied due to request throttling.\"}"));
        letGo.countDown();
        for (CompletableFuture<HttpResponse<String>> call : held) {
            assertThat(call.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(send("Greet", "{}").get(10, TimeUnit.SECONDS).body()).as("served again once drained")
                .isEqualTo("{\"Greeting\":\"Hello\"}");
    }

    @Test
    void theBytesHeldBoundTheBacklogTooAndACallLargerThanTheBoundAloneIsServed() throws Exception {
        String large = "{\"Padding\":\"" + "x".repeat(200) + "\"}";
        start(new BacklogLimit(100, 150), service());
        CompletableFuture<HttpResponse<String>> held = send("Hold", large);
        assertThat(holding.tryAcquire(1, 10, TimeUnit.SECONDS)).as("the large call running, alone").isTrue();

        HttpResponse<String> turnedAway = send("Greet", "{}").get(10, TimeUnit.SECONDS);

        assertThat(turnedAway.statusCode()).isEqualTo(400);
        assertThat(turnedAway.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
        letGo.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(send("Greet", "{}").get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceAnswersItsOwnOverloadedError() throws Exception {
        start(new BacklogLimit(1, 1024 * 1024), service().overloadedAs(
                () -> new AwsException(400, "ProvisionedThroughputExceededException", "Slow down.")));
        CompletableFuture<HttpResponse<String>> held = send("Hold", "{}");
        assertThat(holding.tryAcquire(1, 10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> turnedAway = send("Greet", "{}").get(10, TimeUnit.SECONDS);

        assertThat(turnedAway.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(turnedAway.body())).isEqualTo(JSON.readTree(
                "{\"__type\":\"com.example.greeter#ProvisionedThroughputExceededException\",\"message\":\"Slow down.\"}"));
        letGo.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private JsonProtocolService service() {
        Map<String, JsonOperation> operations = Map.of(
                "Hold", (input, request) -> {
                    holding.release();
                    try {
                        letGo.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return JSON.createObjectNode();
                },
                "Greet", (input, request) -> JSON.createObjectNode().put("Greeting", "Hello"));
        return new JsonProtocolService("greeter", "Greeter_1.", "com.example.greeter#", "application/x-amz-json-1.0",
                operations, JSON);
    }

    private void start(BacklogLimit workerBacklog, AwsService service) {
        KeyRing keys = new KeyRing();
        keys.add(KEY, new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        edge = new EdgeServer(vertx, new EdgeOptions("127.0.0.1", 0, 1024 * 1024).withWorkerBacklog(workerBacklog),
                new SigV4Verifier(keys, Clock.systemUTC()), List.of(service));
        edge.start().await();
    }

    private CompletableFuture<HttpResponse<String>> send(String operation, String body) {
        URI uri = URI.create("http://127.0.0.1:" + edge.port() + "/");
        return HTTP.sendAsync(SignedCalls.json(KEY, uri, "Greeter_1." + operation, body), BodyHandlers.ofString());
    }
}
