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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environments of one function, each running one invocation at a time: warm ones are
 * reused, most recently used first, and new ones started on demand.
 *
 * <p>An invocation is first counted against a concurrency limit, as Lambda counts it: the function's
 * reserved concurrency if it has one, else the host's unreserved concurrency; past it, it is
 * throttled at once. A function without reservation also has at most
 * {@link HostOptions#maxEnvironmentsPerFunction()} environments; past that, an invocation waits a
 * moment for one to come free before it is throttled.
 *
 * <p>At most {@link HostOptions#coldStartsAtOnce()} of the function's environments initialise at
 * once: an invocation that finds none free while that many are starting waits for the first one
 * ready (or free), however long that takes, and is not throttled for it. Lambda starts one
 * environment per request of a burst; on a small machine sixteen JVMs starting together would
 * each take longer than Lambda's 10 s init limit. Environments idle for longer than the host's
 * idle timeout are stopped, except the function's provisioned ones, which are kept warm and replaced
 * when they die.
 *
 * <p>When the function's code is rebuilt, invocations from then on go to new environments on the
 * new code, and the old ones are drained: stopped at once if idle, after their invocation if busy.
 */
public final class EnvironmentPool {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentPool.class);
    private static final String THROTTLED = "Rate Exceeded.";
    /** How often an event is given to a fresh environment after the one it was given to exited without taking it. */
    private static final int RETRIES_OF_EVENTS_NOT_TAKEN = 2;

    private final FunctionDefinition function;
    private final HostOptions options;
    private final AccountConcurrency account;
    private final String functionArn;
    private final CodeWatch code;
    private final FunctionLog log;
    private final Vertx vertx;
    private final Executor blocking;

    /** An idle environment, and since when it has been idle. */
    private record Resting(ExecutionEnvironment environment, long sinceNanos) {}

    // Guarded by this.
    /** How environments start: on the function's code as it was last built. */
    private FunctionJvm jvm;
    private final Set<ExecutionEnvironment> living = new HashSet<>();
    /** The living environments that are the function's provisioned concurrency. */
    private final Set<ExecutionEnvironment> provisioned = new HashSet<>();
    private final Deque<Resting> idle = new ArrayDeque<>();
    private final Deque<CompletableFuture<ExecutionEnvironment>> waiting = new ArrayDeque<>();
    /** Invocations counted against the function's reserved concurrency. */
    private int reservedInUse;
    /** Environments launched whose runtime is not yet ready (nor has failed). */
    private int starting;
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
        this.code = new CodeWatch(function.codeClasspath());
        this.log = log;
        this.vertx = vertx;
        this.blocking = blocking;
    }

    /** Runs one invocation in a free environment; its log lines from START to REPORT also go to {@code tail}. */
    public CompletionStage<Invocation> invoke(String requestId, byte[] payload, LogTail tail) {
        if (code.changed()) {
            adoptNewBuild();
        }
        ThrottleReason refused = admit();
        if (refused != null) {
            return CompletableFuture.completedFuture(new Invocation.Throttled(THROTTLED, refused));
        }
        return run(requestId, payload, tail, RETRIES_OF_EVENTS_NOT_TAKEN)
                .whenComplete((result, error) -> release())
                .exceptionally(EnvironmentPool::asInvocation);
    }

    private CompletionStage<Invocation> run(String requestId, byte[] payload, LogTail tail, int retriesLeft) {
        return lease().thenCompose(environment -> environment.invoke(requestId, payload, tail)
                .whenComplete((result, error) -> giveBack(environment))
                .handle((result, error) -> error != null && causeOf(error) instanceof EventNotTaken && retriesLeft > 0
                        ? run(requestId, payload, tail, retriesLeft - 1)
                        : error != null ? CompletableFuture.<Invocation>failedFuture(causeOf(error))
                        : CompletableFuture.completedFuture(result))
                .thenCompose(next -> next));
    }

    /**
     * Starts the function's provisioned environments, or one environment if it has none, so that
     * invocations find them warm; completes when they are ready, or fails with the
     * {@link FunctionInitException} of a failed init.
     */
    public CompletionStage<Void> prewarm() {
        List<CompletionStage<ExecutionEnvironment>> started = new ArrayList<>();
        synchronized (this) {
            int provisionedWanted = function.provisionedEnvironments();
            if (provisionedWanted > 0) {
                while (!closed && provisioned.size() < provisionedWanted) {
                    started.add(launch(true));
                }
            } else if (!closed && living.size() < environmentLimit()) {
                started.add(launch(false));
            }
        }
        return CompletableFuture.allOf(started.stream()
                .map(environment -> environment.thenAccept(this::giveBack).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** Stops the environments that have been idle for longer than {@code idleTimeout}, but the provisioned; blocks until they are gone. */
    public void reapIdle(Duration idleTimeout) {
        List<ExecutionEnvironment> reaped = new ArrayList<>();
        long idleSince = System.nanoTime() - idleTimeout.toNanos();
        synchronized (this) {
            idle.removeIf(resting -> {
                boolean expired = resting.sinceNanos() - idleSince <= 0 && !provisioned.contains(resting.environment());
                if (expired) {
                    reaped.add(resting.environment());
                }
                return expired;
            });
        }
        CompletableFuture.allOf(reaped.stream().map(ExecutionEnvironment::stop).toArray(CompletableFuture[]::new)).join();
    }

    /**
     * The function's code was rebuilt: environments start on it from now on, idle ones on the old code
     * stop now, busy ones when their invocation ends ({@link #giveBack}). Provisioned ones are
     * replaced as they go ({@link #buried}).
     */
    private void adoptNewBuild() {
        List<ExecutionEnvironment> drained = new ArrayList<>();
        synchronized (this) {
            jvm = new FunctionJvm(function, options);
            idle.forEach(resting -> drained.add(resting.environment()));
            idle.clear();
        }
        LOG.info("{}: new build of its code; {} idle environment(s) on the old one stopped", function.name(), drained.size());
        drained.forEach(this::stopLater);
    }

    private void stopLater(ExecutionEnvironment environment) {
        blocking.execute(environment::stop);
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

    /**
     * A function with reserved concurrency may have as many environments; others the host's bound, or
     * their provisioned concurrency if that is more.
     */
    private int environmentLimit() {
        return function.reservedConcurrency() != null ? function.reservedConcurrency()
                : Math.max(options.maxEnvironmentsPerFunction(), function.provisionedEnvironments());
    }

    private static Throwable causeOf(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static Invocation asInvocation(Throwable failure) {
        Throwable cause = causeOf(failure);
        if (cause instanceof EventNotTaken) {
            return ErrorDocument.of("Runtime.ExitError", "Error: Runtime exited before it took the event, "
                    + (RETRIES_OF_EVENTS_NOT_TAKEN + 1) + " times");
        }
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
        CompletableFuture<ExecutionEnvironment> turn = new CompletableFuture<>();
        if (living.size() < environmentLimit()) {
            if (starting < options.coldStartsAtOnce()) {
                return launch(false);
            }
            // Enough JVMs are starting: this one gets the first environment free or ready (startsForWaiters).
            waiting.addLast(turn);
            return turn;
        }
        // Every environment is busy (or, under a reservation, one is still being buried): wait a moment.
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

    /** Starts an environment, one of the provisioned if {@code isProvisioned}; the caller holds the lock. */
    private CompletionStage<ExecutionEnvironment> launch(boolean isProvisioned) {
        ExecutionEnvironment environment = new ExecutionEnvironment(function, functionArn, jvm, isProvisioned, log, vertx,
                blocking, this::buried);
        living.add(environment);
        if (isProvisioned) {
            provisioned.add(environment);
        }
        starting++;
        CompletionStage<ExecutionEnvironment> started = environment.start().thenApply(ready -> environment);
        started.whenComplete((ready, failure) -> startEnded());
        return started;
    }

    /** An environment's start is over, ready or failed: the next one may start, for whoever waits. */
    private void startEnded() {
        List<Start> starts;
        synchronized (this) {
            starting--;
            starts = startsForWaiters();
        }
        starts.forEach(Start::handOver);
    }

    /** An environment launched for one waiting invocation. */
    private record Start(CompletableFuture<ExecutionEnvironment> turn, CompletionStage<ExecutionEnvironment> launched) {
        void handOver() {
            launched.whenComplete((started, failure) -> {
                if (failure != null) {
                    turn.completeExceptionally(failure);
                } else {
                    turn.complete(started);
                }
            });
        }
    }

    /** Launches environments for the invocations waiting, as far as both limits allow; the caller holds the lock. */
    private List<Start> startsForWaiters() {
        List<Start> starts = new ArrayList<>();
        while (!closed && !waiting.isEmpty() && living.size() < environmentLimit() && starting < options.coldStartsAtOnce()) {
            starts.add(new Start(waiting.pollFirst(), launch(false)));
        }
        return starts;
    }

    private void giveBack(ExecutionEnvironment environment) {
        CompletableFuture<ExecutionEnvironment> next;
        synchronized (this) {
            if (closed || !environment.isAlive()) {
                return;
            }
            if (!environment.runs(jvm)) {
                // Its invocation is done and its code is an old build: drained.
                stopLater(environment);
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

    /**
     * An environment died: its place goes to whoever waits for one; a provisioned one that had
     * initialised is replaced (one that failed its init is not, or a broken build would be started
     * again and again).
     */
    private void buried(ExecutionEnvironment environment) {
        List<Start> starts;
        CompletionStage<ExecutionEnvironment> replacement = null;
        synchronized (this) {
            living.remove(environment);
            idle.removeIf(resting -> resting.environment() == environment);
            if (provisioned.remove(environment) && !closed && environment.initialised()) {
                replacement = launch(true);
            }
            starts = startsForWaiters();
        }
        if (replacement != null) {
            replacement.whenComplete((started, failure) -> {
                if (failure != null) {
                    LOG.warn("{}: a provisioned environment could not be replaced: {}", function.name(), failure.getMessage());
                } else {
                    giveBack(started);
                }
            });
        }
        starts.forEach(Start::handOver);
    }

    /**
     * Kills every environment of the function (the JVM writing its class data archive is let finish
     * it); completes once they are all gone. Returns at once, so that the host stops every
     * function's environments together rather than one function after another.
     */
    public CompletableFuture<Void> close() {
        List<ExecutionEnvironment> all;
        List<CompletableFuture<ExecutionEnvironment>> waiters;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(living);
            waiters = new ArrayList<>(waiting);
            waiting.clear();
            idle.clear();
            provisioned.clear();
        }
        waiters.forEach(turn -> turn.completeExceptionally(new IllegalStateException("the function host is closed")));
        return CompletableFuture.allOf(all.stream().map(ExecutionEnvironment::stop).toArray(CompletableFuture[]::new));
    }
}
