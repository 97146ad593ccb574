package dev.lingogate.lambda;

import dev.lingogate.edge.AwsService;
import dev.lingogate.lambda.environment.EnvironmentPool;
import dev.lingogate.lambda.invoke.InvokeApi;
import dev.lingogate.lambda.log.FunctionLog;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs functions as AWS Lambda does: each execution environment a JVM of its own, driven through
 * the Lambda Runtime API, kept warm between invocations, and killed when an invocation times out.
 */
public final class FunctionHost implements AutoCloseable {

    private record Hosted(FunctionDefinition definition, EnvironmentPool environments, FunctionLog log) {}

    private final Vertx vertx;
    private final HostOptions options;
    private final Map<String, Hosted> functions = new ConcurrentHashMap<>();
    /** Starts JVMs and writes logs, which block: never on an event loop. */
    private final ExecutorService blocking;
    private final InvokeApi invokeApi;

    public FunctionHost(Vertx vertx, HostOptions options) {
        this.vertx = vertx;
        this.options = options;
        AtomicInteger threads = new AtomicInteger();
        this.blocking = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lingogate-lambda-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.invokeApi = new InvokeApi(this, options.region());
    }

    public void register(FunctionDefinition function) {
        FunctionLog log = new FunctionLog(options.dataDir().resolve("logs").resolve(function.name() + ".log"));
        Hosted previous = functions.put(function.name(),
                new Hosted(function, new EnvironmentPool(function, options, log, vertx, blocking), log));
        if (previous != null) {
            close(previous);
        }
    }

    public boolean hosts(String functionName) {
        return functions.containsKey(functionName);
    }

    /** Invokes a function; fails with {@link FunctionNotFoundException} for a name never registered. */
    public CompletionStage<Invocation> invoke(String functionName, byte[] payload) {
        Hosted function = functions.get(functionName);
        if (function == null) {
            return CompletableFuture.failedFuture(new FunctionNotFoundException(functionName));
        }
        return function.environments().invoke(payload);
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

    /** The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), to put on the edge. */
    public AwsService invokeApi() {
        return invokeApi;
    }

    /** Kills every environment's JVM. */
    @Override
    public void close() {
        List<Hosted> all = new ArrayList<>(functions.values());
        functions.clear();
        all.forEach(FunctionHost::close);
        blocking.shutdown();
    }

    private static void close(Hosted function) {
        function.environments().close();
        function.log().close();
    }
}
