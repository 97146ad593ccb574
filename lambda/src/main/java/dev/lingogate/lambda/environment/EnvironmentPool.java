package dev.lingogate.lambda.environment;

import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionInitException;
import dev.lingogate.lambda.HostOptions;
import dev.lingogate.lambda.Invocation;
import dev.lingogate.lambda.log.FunctionLog;
import dev.lingogate.lambda.log.LogTail;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The execution environments of one function: warm ones are reused, most recently used first, new
 * ones are started up to the function's concurrency limit, and beyond it an invocation waits a
 * moment for one to come free before it is throttled.
 */
public final class EnvironmentPool implements AutoCloseable {

    private final FunctionDefinition function;
    private final HostOptions options;
    private final String functionArn;
    private final FunctionJvm jvm;
    private final FunctionLog log;
    private final Vertx vertx;
    private final Executor blocking;

    // Guarded by this.
    private final Set<ExecutionEnvironment> living = new HashSet<>();
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Deque<CompletableFuture<ExecutionEnvironment>> waiting = new ArrayDeque<>();
    private boolean closed;

    /** Thrown inside the pool when no environment came free in time; callers see {@link Invocation.Throttled}. */
    private static final class ConcurrencyLimitReached extends RuntimeException {
        ConcurrencyLimitReached() {
            super("Rate Exceeded.", null, false, false);
        }
    }

    public EnvironmentPool(FunctionDefinition function, HostOptions options, FunctionLog log, Vertx vertx, Executor blocking) {
        this.function = function;
        this.options = options;
        this.functionArn = function.arn(options.region());
        this.jvm = new FunctionJvm(function, options);
        this.log = log;
        this.vertx = vertx;
        this.blocking = blocking;
    }

    /** Runs one invocation in a free environment; its log lines from START to REPORT also go to {@code tail}. */
    public CompletionStage<Invocation> invoke(String requestId, byte[] payload, LogTail tail) {
        return lease()
                .thenCompose(environment -> environment.invoke(requestId, payload, tail).whenComplete((result, error) -> giveBack(environment)))
                .exceptionally(EnvironmentPool::asInvocation);
    }

    /** Starts one more environment if the limit allows; fails with the {@link FunctionInitException} of a failed init. */
    public CompletionStage<Void> prewarm() {
        synchronized (this) {
            if (closed || living.size() >= options.maxEnvironmentsPerFunction()) {
                return CompletableFuture.completedFuture(null);
            }
            return launch().thenAccept(this::giveBack);
        }
    }

    private static Invocation asInvocation(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof FunctionInitException init) {
            return init.failure();
        }
        if (cause instanceof ConcurrencyLimitReached throttled) {
            return new Invocation.Throttled(throttled.getMessage());
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    private synchronized CompletionStage<ExecutionEnvironment> lease() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the function host is closed"));
        }
        ExecutionEnvironment warm = idle.pollFirst();
        if (warm != null) {
            return CompletableFuture.completedFuture(warm);
        }
        if (living.size() < options.maxEnvironmentsPerFunction()) {
            return launch();
        }
        CompletableFuture<ExecutionEnvironment> turn = new CompletableFuture<>();
        waiting.addLast(turn);
        vertx.setTimer(options.throttleWait().toMillis(), id -> {
            synchronized (this) {
                if (!waiting.remove(turn)) {
                    return;
                }
            }
            turn.completeExceptionally(new ConcurrencyLimitReached());
        });
        return turn;
    }

    /** Starts an environment; the caller holds the lock. */
    private CompletionStage<ExecutionEnvironment> launch() {
        ExecutionEnvironment environment = new ExecutionEnvironment(function, functionArn, jvm, log, vertx, blocking, this::buried);
        living.add(environment);
        return environment.start().thenApply(ready -> environment);
    }

    private void giveBack(ExecutionEnvironment environment) {
        CompletableFuture<ExecutionEnvironment> next;
        synchronized (this) {
            if (closed || !environment.isAlive()) {
                return;
            }
            next = waiting.pollFirst();
            if (next == null) {
                idle.addFirst(environment);
                return;
            }
        }
        next.complete(environment);
    }

    /** An environment died: its place goes to whoever waits for one. */
    private void buried(ExecutionEnvironment environment) {
        List<CompletableFuture<ExecutionEnvironment>> served = new ArrayList<>();
        List<CompletionStage<ExecutionEnvironment>> launched = new ArrayList<>();
        synchronized (this) {
            living.remove(environment);
            idle.remove(environment);
            while (!closed && !waiting.isEmpty() && living.size() < options.maxEnvironmentsPerFunction()) {
                served.add(waiting.pollFirst());
                launched.add(launch());
            }
        }
        for (int i = 0; i < served.size(); i++) {
            CompletableFuture<ExecutionEnvironment> turn = served.get(i);
            launched.get(i).whenComplete((started, failure) -> {
                if (failure != null) {
                    turn.completeExceptionally(failure);
                } else {
                    turn.complete(started);
                }
            });
        }
    }

    /** Kills every environment of the function. */
    @Override
    public void close() {
        List<ExecutionEnvironment> all;
        List<CompletableFuture<ExecutionEnvironment>> waiters;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(living);
            waiters = new ArrayList<>(waiting);
            waiting.clear();
            idle.clear();
        }
        waiters.forEach(turn -> turn.completeExceptionally(new IllegalStateException("the function host is closed")));
        all.forEach(ExecutionEnvironment::kill);
        all.forEach(ExecutionEnvironment::stop);
    }
}
