package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.BacklogLimit;
import dev.lingogate.edge.EdgeOptions;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * An Invoke the edge has no room for is answered at once with Lambda's own throttling error, which
 * the SDK raises as its TooManyRequestsException; once the edge has room, Invoke works again.
 * The edge's workers are filled by a stand-in service that keeps a GetFunction call of one name
 * on its worker until the test lets go.
 */
class EdgeOverloadTest {

    @TempDir
    Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private final Semaphore entered = new Semaphore(0);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private FunctionHost host;
    private RunningEdge edge;

    @AfterEach
    void stop() {
        letGo.countDown();
        if (edge != null) {
            edge.close();
        }
        if (host != null) {
            host.close();
        }
        vertx.close().await();
    }

    @Test
    void anInvokePastTheEdgesBacklogIsThrottledAsLambdaThrottlesThenServedOnceThereIsRoom() throws Exception {
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 1));
        host.register(function("echo", "Echo"));
        edge = new RunningEdge(vertx, List.of(new HeldGetFunction(), host.invokeApi()),
                EdgeOptions.onPort(0).withWorkerBacklog(new BacklogLimit(1, 1024 * 1024)));
        try (LambdaClient lambda = edge.lambdaClient(RunningEdge.ADMIN)) {
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> lambda.getFunction(r -> r.functionName("held")));
            assertThat(entered.tryAcquire(10, TimeUnit.SECONDS)).as("the held call has the one place").isTrue();

            assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{\"n\":1}"))))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    });

            letGo.countDown();
            held.get(10, TimeUnit.SECONDS);
            String answer = lambda.invoke(r -> r.functionName("echo").payload(SdkBytes.fromUtf8String("{\"n\":2}")))
                    .payload().asUtf8String();
            assertThat(answer).contains("\"n\":2");
        }
    }

    /** Answers {@code GET .../functions/held} only after the test lets go, holding its worker meanwhile. */
    private final class HeldGetFunction implements AwsService {

        @Override
        public String name() {
            return "held";
        }

        @Override
        public boolean answers(String method, String rawPath, String target) {
            return "GET".equals(method) && rawPath.equals("/2015-03-31/functions/held");
        }

        @Override
        public CompletionStage<AwsReply> call(AwsRequest request) {
            entered.release();
            try {
                letGo.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(new AwsReply(200, Map.of("Content-Type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public AwsReply errorReply(AwsException error) {
            return new AwsReply(error.status(), Map.of("Content-Type", "application/json"),
                    "{}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
