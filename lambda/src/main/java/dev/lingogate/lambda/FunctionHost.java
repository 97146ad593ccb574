package dev.lingogate.lambda;

import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.RequestIds;
import dev.lingogate.lambda.environment.AccountConcurrency;
import dev.lingogate.lambda.environment.EnvironmentPool;
import dev.lingogate.lambda.invoke.LambdaApi;
import dev.lingogate.lambda.log.FunctionLog;
import dev.lingogate.lambda.log.LogTail;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs functions as AWS Lambda does: each execution environment a JVM of its own, driven through
 * the Lambda Runtime API, kept warm between invocations, stopped after a while idle, and killed
 * when an invocation times out; invocations past a function's reserved concurrency, or past the
 * host's concurrency limit, are throttled.
 */
public final class FunctionHost implements AutoCloseable {

    private record Hosted(DeployedFunction deployed, EnvironmentPool environments, FunctionLog log) {}

    private final Vertx vertx;
    private final HostOptions options;
    private final Map<String, Hosted> functions = new ConcurrentHashMap<>();
    /** Starts JVMs and writes logs, which block: never on an event loop. */
    private final ExecutorService blocking;
    private final AccountConcurrency concurrency;
    private final EventQueue events;
    private final LambdaApi lambdaApi;
    private final long reaper;

    public FunctionHost(Vertx vertx, HostOptions options) {
        this.vertx = vertx;
        this.options = options;
        AtomicInteger threads = new AtomicInteger();
        this.blocking = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lingogate-lambda-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.concurrency = new AccountConcurrency(options.concurrencyLimit());
        this.events = new EventQueue(this::invoke, vertx, blocking, options.eventRetryDelays());
        this.lambdaApi = new LambdaApi(this, options.region());
        this.reaper = vertx.setPeriodic(reapingPeriod(options.idleTimeout()).toMillis(), id -> blocking.execute(this::reapIdle));
    }

    /**
     * Hosts a function, in place of one of the same name. Fails with an IllegalArgumentException if
     * its reserved concurrency and that of the others together pass the host's concurrency limit.
     */
    public void register(FunctionDefinition function) {
        concurrency.reserve(function.name(), function.reservedConcurrency());
        FunctionLog log = new FunctionLog(FunctionLog.fileOf(options.dataDir(), function.name()),
                options.logRotation());
        Hosted previous = functions.put(function.name(), new Hosted(new DeployedFunction(function, Instant.now()),
                new EnvironmentPool(function, options, concurrency, log, vertx, blocking), log));
        if (previous != null) {
            close(previous).join();
        }
    }

    public boolean hosts(String functionName) {
        return functions.containsKey(functionName);
    }

    /** The function named so, as registered. */
    public Optional<DeployedFunction> deployed(String functionName) {
        return Optional.ofNullable(functions.get(functionName)).map(Hosted::deployed);
    }

    /** Every function, by name. */
    public List<DeployedFunction> deployed() {
        return functions.values().stream().map(Hosted::deployed)
                .sorted(Comparator.comparing(deployed -> deployed.definition().name())).toList();
    }

    /** Invokes a function; fails with {@link FunctionNotFoundException} for a name never registered. */
    public CompletionStage<Invocation> invoke(String functionName, byte[] payload) {
        return invoke(functionName, RequestIds.next(), payload, new LogTail());
    }

    /**
     * Invokes a function as the request {@code requestId} (what its context's {@code getAwsRequestId}
     * answers); the invocation's log lines, START to REPORT, also go to {@code tail}.
     */
    public CompletionStage<Invocation> invoke(String functionName, String requestId, byte[] payload, LogTail tail) {
        Hosted function = functions.get(functionName);
        if (function == null) {
            return CompletableFuture.failedFuture(new FunctionNotFoundException(functionName));
        }
        return function.environments().invoke(requestId, payload, tail);
    }

    /**
     * Queues an asynchronous ({@code Event}) invocation and returns at once; a function error is
     * retried twice, a throttle until the event is six hours old, as Lambda does.
     */
    public void enqueue(String functionName, String requestId, byte[] payload) {
        if (!functions.containsKey(functionName)) {
            throw new FunctionNotFoundException(functionName);
        }
        events.enqueue(functionName, requestId, payload);
    }

    /**
     * Starts one environment of the function, so that its first invocation finds it warm. Completes
     * when the environment is ready, or fails with the {@link FunctionInitException} of its init.
     */
    public CompletionStage<Void> prewarm(String functionName) {
        Hosted function = functions.get(functionName);
        if (function == null) {
            return CompletableFuture.failedFuture(new FunctionNotFoundException(functionName));
        }
        return function.environments().prewarm();
    }

    /**
     * Lambda's API for the edge: Invoke ({@code POST /2015-03-31/functions/{name}/invocations}),
     * GetFunction and ListFunctions.
     */
    public AwsService invokeApi() {
        return lambdaApi;
    }

    /** Looks often enough that an environment outlives its idle timeout by a quarter of it at most. */
    private static Duration reapingPeriod(Duration idleTimeout) {
        Duration quarter = idleTimeout.dividedBy(4);
        Duration atMost = Duration.ofSeconds(30);
        return quarter.compareTo(atMost) > 0 ? atMost : quarter.toMillis() < 1 ? Duration.ofMillis(1) : quarter;
    }

    private void reapIdle() {
        functions.values().forEach(function -> function.environments().reapIdle(options.idleTimeout()));
    }

    /**
     * Kills every environment's JVM, every function's at the same time, and returns once they are all
     * gone; events waiting for a retry are dropped.
     */
    @Override
    public void close() {
        vertx.cancelTimer(reaper);
        events.close();
        List<Hosted> all = new ArrayList<>(functions.values());
        functions.clear();
        CompletableFuture.allOf(all.stream().map(FunctionHost::close).toArray(CompletableFuture[]::new)).join();
        blocking.shutdown();
    }

    /** Stops the function's environments; its log is closed once the last one's exit is written to it. */
    private static CompletableFuture<Void> close(Hosted function) {
        return function.environments().close().whenComplete((stopped, failure) -> function.log().close());
    }
}
