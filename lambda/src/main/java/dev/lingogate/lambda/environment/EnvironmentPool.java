package dev.lingogate.lambda.environment;

import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionInitException;
import dev.lingogate.lambda.HostOptions;
import dev.lingogate.lambda.Invocation;
import dev.lingogate.lambda.ThrottleReason;
import dev.lingogate.lambda.log.FunctionLog;
import dev.lingogate.lambda.log.LogTail;
import io.vertx.core.Vertx;
import java.time.Duration;
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
 * The execution environments of one function, each running one invocation at a time: warm ones are
 * reused, most recently used first, and new ones started on demand.
 *
 * <p>An invocation is first counted against a concurrency limit, as Lambda counts it: the function's
 * reserved concurrency if it has one, else the host's unreserved concurrency; past it, it is
 * throttled at once. A function without reservation also has at most
 * {@link HostOptions#maxEnvironmentsPerFunction()} environments; past that, an invocation waits a
 * moment for one to come free before it is throttled. Environments idle for longer than the host's
 * idle timeout are stopped.
 */
public final class EnvironmentPool implements AutoCloseable {

    private static final String THROTTLED = "Rate Exceeded.";

    private final FunctionDefinition function;
    private final HostOptions options;
    private final AccountConcurrency account;
    private final String functionArn;
    private final FunctionJvm jvm;
    private final FunctionLog log;
    private final Vertx vertx;
    private final Executor blocking;

    /** An idle environment, and since when it has been idle. */
    private record Resting(ExecutionEnvironment environment, long sinceNanos) {}

    // Guarded by this.
    private final Set<ExecutionEnvironment> living = new HashSet<>();
    private final Deque<Resting> idle = new ArrayDeque<>();
    private final Deque<CompletableFuture<ExecutionEnvironment>> waiting = new ArrayDeque<>();
    /** Invocations counted against the function's reserved concurrency. */
    private int reservedInUse;
    private boolean closed;

    /** Thrown inside the pool when no environment came free in time; callers see {@link Invocation.Throttled}. */
    private static final class ConcurrencyLimitReached extends RuntimeException {
        final ThrottleReason reason;

        ConcurrencyLimitReached(ThrottleReason reason) {
            super(THROTTLED, null, false, false);
            this.reason = reason;
        }
    }

    public EnvironmentPool(FunctionDefinition function, HostOptions options, AccountConcurrency account, FunctionLog log,
            Vertx vertx, Executor blocking) {
        this.function = function;
        this.options = options;
        this.account = account;
        this.functionArn = function.arn(options.region());
        this.jvm = new FunctionJvm(function, options);
        this.log = log;
        this.vertx = vertx;
        this.blocking = blocking;
    }

    /** Runs one invocation in a free environment; its log lines from START to REPORT also go to {@code tail}. */
    public CompletionStage<Invocation> invoke(String requestId, byte[] payload, LogTail tail) {
        ThrottleReason refused = admit();
        if (refused != null) {
            return CompletableFuture.completedFuture(new Invocation.Throttled(THROTTLED, refused));
        }
        return lease()
                .thenCompose(environment -> environment.invoke(requestId, payload, tail).whenComplete((result, error) -> giveBack(environment)))
                .whenComplete((result, error) -> release())
                .exceptionally(EnvironmentPool::asInvocation);
    }

    /** Starts one more environment if the limit allows; fails with the {@link FunctionInitException} of a failed init. */
    public CompletionStage<Void> prewarm() {
        synchronized (this) {
            if (closed || living.size() >= environmentLimit()) {
                return CompletableFuture.completedFuture(null);
            }
            return launch().thenAccept(this::giveBack);
        }
    }

    /** Stops the environments that have been idle for longer than {@code idleTimeout}; blocks until they are gone. */
    public void reapIdle(Duration idleTimeout) {
        List<ExecutionEnvironment> reaped = new ArrayList<>();
        long idleSince = System.nanoTime() - idleTimeout.toNanos();
        synchronized (this) {
            // The longest idle are at the end.
            while (!idle.isEmpty() && idle.peekLast().sinceNanos() - idleSince <= 0) {
                reaped.add(idle.pollLast().environment());
            }
        }
        reaped.forEach(ExecutionEnvironment::stop);
    }

    /** Counts an invocation against its concurrency limit: null if it may run, else the limit it would pass. */
    private ThrottleReason admit() {
        if (function.reservedConcurrency() == null) {
            return account.tryTakeUnreserved() ? null : ThrottleReason.ACCOUNT_CONCURRENCY;
        }
        synchronized (this) {
            if (reservedInUse >= function.reservedConcurrency()) {
                return ThrottleReason.RESERVED_FUNCTION_CONCURRENCY;
            }
            reservedInUse++;
            return null;
        }
    }

    private void release() {
        if (function.reservedConcurrency() == null) {
            account.giveBackUnreserved();
        } else {
            synchronized (this) {
                reservedInUse--;
            }
        }
    }

    /** A function with reserved concurrency may have as many environments; others the host's bound. */
    private int environmentLimit() {
        return function.reservedConcurrency() != null ? function.reservedConcurrency() : options.maxEnvironmentsPerFunction();
    }

    private static Invocation asInvocation(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof FunctionInitException init) {
            return init.failure();
        }
        if (cause instanceof ConcurrencyLimitReached throttled) {
            return new Invocation.Throttled(throttled.getMessage(), throttled.reason);
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    private synchronized CompletionStage<ExecutionEnvironment> lease() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the function host is closed"));
        }
        Resting warm = idle.pollFirst();
        if (warm != null) {
            return CompletableFuture.completedFuture(warm.environment());
        }
        if (living.size() < environmentLimit()) {
            return launch();
        }
        // Every environment is busy (or, under a reservation, one is still being buried): wait a moment.
        CompletableFuture<ExecutionEnvironment> turn = new CompletableFuture<>();
        waiting.addLast(turn);
        ThrottleReason reason = function.reservedConcurrency() != null
                ? ThrottleReason.RESERVED_FUNCTION_CONCURRENCY : ThrottleReason.ACCOUNT_CONCURRENCY;
        vertx.setTimer(options.throttleWait().toMillis(), id -> {
            synchronized (this) {
                if (!waiting.remove(turn)) {
                    return;
                }
            }
            turn.completeExceptionally(new ConcurrencyLimitReached(reason));
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
                idle.addFirst(new Resting(environment, System.nanoTime()));
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
            idle.removeIf(resting -> resting.environment() == environment);
            while (!closed && !waiting.isEmpty() && living.size() < environmentLimit()) {
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
        all.forEach(ExecutionEnvironment::signalStop);
        all.forEach(ExecutionEnvironment::stop);
    }
}
