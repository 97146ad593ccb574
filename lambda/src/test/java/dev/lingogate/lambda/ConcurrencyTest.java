package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.invoke;
import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Lambda's concurrency: reserved per function, a limit for the host, one invocation per environment, idle ones stopped. */
class ConcurrencyTest {

    private static Vertx vertx;

    @TempDir
    Path dataDir;
    private FunctionHost host;
    private RunningEdge edge;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @AfterEach
    void stop() {
        if (edge != null) {
            edge.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private FunctionHost host(HostOptions options, FunctionDefinition... functions) {
        host = new FunctionHost(vertx, options);
        for (FunctionDefinition function : functions) {
            host.register(function);
        }
        return host;
    }

    private static byte[] sleep(long millis) {
        return ("{\"sleepMillis\": " + millis + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void burstPastReservedConcurrencyIsThrottledThroughTheInvokeApi() throws Exception {
        host(TestFunctions.options(dataDir, 1), function("sleeper", "Sleeper").withReservedConcurrency(2));
        edge = new RunningEdge(vertx, List.of(host.invokeApi()));
        ExecutorService callers = Executors.newFixedThreadPool(5);
        try (LambdaClient lambda = edge.lambdaClient(RunningEdge.ADMIN)) {
            List<Future<Object>> burst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                burst.add(callers.submit(() -> {
                    try {
                        InvokeResponse response = lambda.invoke(r -> r.functionName("sleeper")
                                .payload(SdkBytes.fromUtf8String("{\"sleepMillis\": 3000}")));
                        return response.payload().asUtf8String();
                    } catch (TooManyRequestsException e) {
                        return e;
                    }
                }));
            }
            List<String> pids = new ArrayList<>();
            List<TooManyRequestsException> throttles = new ArrayList<>();
            for (Future<Object> call : burst) {
                Object outcome = call.get(60, TimeUnit.SECONDS);
                if (outcome instanceof TooManyRequestsException throttled) {
                    throttles.add(throttled);
                } else {
                    pids.add((String) outcome);
                }
            }

            assertThat(pids).hasSize(2).doesNotHaveDuplicates();
            assertThat(throttles).hasSize(3).allSatisfy(e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.reasonAsString()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
            });
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void burstOnAColdFunctionStartsItsEnvironmentsOneAtATimeAndThrottlesNoneOfTheWaiting() throws Exception {
        Path initLog = dataDir.resolve("inits.txt");
        // A wait for a start is longer than the 300 ms throttle wait: the burst must not be throttled for it.
        host(TestFunctions.options(dataDir, 3),
                function("slow", "SlowStarter", 10, Map.of("INIT_LOG", initLog.toString())));

        List<CompletionStage<Invocation>> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            burst.add(host.invoke("slow", sleep(2500)));
        }

        for (CompletionStage<Invocation> call : burst) {
            assertThat(call.toCompletableFuture().get(60, TimeUnit.SECONDS)).isInstanceOf(Invocation.Returned.class);
        }
        List<String> inits = Files.readAllLines(initLog);
        assertThat(inits.size()).as("environments started").isGreaterThanOrEqualTo(4);
        for (int i = 0; i < inits.size(); i++) {
            assertThat(inits.get(i)).as("init note %d of %s", i, inits).startsWith(i % 2 == 0 ? "began " : "ended ");
        }
    }

    @Test
    void coldStartsAtOnceBelowOneIsRefused() {
        assertThatThrownBy(() -> TestFunctions.options(dataDir, 4).withColdStartsAtOnce(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coldStartsAtOnce must be at least 1, was 0");
    }

    @Test
    void invocationPastTheHostsUnreservedConcurrencyIsThrottledWhileReservedConcurrencyStaysAvailable() throws Exception {
        // Of a limit of 3, "reserved" sets 2 apart: the other functions share 1.
        host(TestFunctions.options(dataDir, 4).withConcurrencyLimit(3),
                function("reserved", "Sleeper").withReservedConcurrency(2), function("shared", "Sleeper"), function("other", "Echo"));
        edge = new RunningEdge(vertx, List.of(host.invokeApi()));
        CompletionStage<Invocation> busy = host.invoke("shared", sleep(3000));

        try (LambdaClient lambda = edge.lambdaClient(RunningEdge.ADMIN)) {
            assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("other").payload(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
                    });
        }
        assertThat(invoke(host, "reserved", "{}")).isInstanceOf(Invocation.Returned.class);
        assertThat(busy.toCompletableFuture().get(30, TimeUnit.SECONDS)).isInstanceOf(Invocation.Returned.class);
        assertThat(invoke(host, "other", "{}")).as("the shared unit is free again").isInstanceOf(Invocation.Returned.class);
    }

    @Test
    void reservedConcurrencyOfZeroThrottlesEveryInvocation() throws Exception {
        host(TestFunctions.options(dataDir, 4), function("stopped", "Echo").withReservedConcurrency(0));

        assertThat(invoke(host, "stopped", "{}"))
                .isEqualTo(new Invocation.Throttled("Rate Exceeded.", ThrottleReason.RESERVED_FUNCTION_CONCURRENCY));
    }

    @Test
    void reservationsTogetherPastTheHostsLimitAreRefused() {
        host(TestFunctions.options(dataDir, 4).withConcurrencyLimit(3), function("first", "Echo").withReservedConcurrency(2));

        assertThatThrownBy(() -> host.register(function("second", "Echo").withReservedConcurrency(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReservedConcurrentExecutions of second (2) and of the other functions (2) exceed the concurrency limit of 3");
        assertThat(host.hosts("second")).isFalse();
    }

    @Test
    void negativeReservedConcurrencyIsRefused() {
        assertThatThrownBy(() -> function("sleeper", "Sleeper").withReservedConcurrency(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ReservedConcurrentExecutions of sleeper must be at least 0, was -1");
    }

    @Test
    void environmentIdlePastTheIdleTimeoutIsStoppedAndTheNextInvocationStartsAFreshOne() throws Exception {
        host(TestFunctions.options(dataDir, 4).withIdleTimeout(Duration.ofMillis(500)), function("sleeper", "Sleeper"));
        long firstPid = Long.parseLong(text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload()));

        ProcessHandle first = ProcessHandle.of(firstPid).orElseThrow();
        first.onExit().get(30, TimeUnit.SECONDS);

        long nextPid = Long.parseLong(text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload()));
        assertThat(nextPid).isNotEqualTo(firstPid);
    }

    @Test
    void environmentInUseIsNotStoppedByTheIdleTimeout() throws Exception {
        host(TestFunctions.options(dataDir, 4).withIdleTimeout(Duration.ofMillis(300)), function("sleeper", "Sleeper"));

        Invocation result = host.invoke("sleeper", sleep(1500)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(result).isInstanceOf(Invocation.Returned.class);
    }
}
