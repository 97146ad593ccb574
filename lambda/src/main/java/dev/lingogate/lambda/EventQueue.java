package dev.lingogate.lambda;

import dev.lingogate.lambda.log.LogTail;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's queue of asynchronous ({@code Event}) invocations. The caller has its 202 already; here
 * the event is run, and run again as Lambda does: after a function error (an exception, a timeout,
 * a runtime exit, a failed init) twice more, after the host's retry delays (a minute, then two, on
 * Lambda); after a throttle until it is six hours old, waiting 1 s, then twice as long each time up
 * to 5 minutes. Every attempt keeps the event's request id, so its log shows one id retried.
 */
final class EventQueue {

    /** How an invocation is run: the host's own path, the one the Invoke API and the gateway take. */
    interface Runner {
        CompletionStage<Invocation> invoke(String functionName, String requestId, byte[] payload, LogTail tail);
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);
    private static final Duration FIRST_THROTTLE_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_THROTTLE_BACKOFF = Duration.ofMinutes(5);
    private static final Duration MAXIMUM_EVENT_AGE = Duration.ofHours(6);

    private final Runner runner;
    private final Vertx vertx;
    private final Executor blocking;
    private final List<Duration> retryDelays;
    private volatile boolean closed;

    private record Event(String functionName, String requestId, byte[] payload, long queuedNanos) {}

    EventQueue(Runner runner, Vertx vertx, Executor blocking, List<Duration> retryDelays) {
        this.runner = runner;
        this.vertx = vertx;
        this.blocking = blocking;
        this.retryDelays = List.copyOf(retryDelays);
    }

    void enqueue(String functionName, String requestId, byte[] payload) {
        Event event = new Event(functionName, requestId, payload, System.nanoTime());
        blocking.execute(() -> attempt(event, 0, FIRST_THROTTLE_BACKOFF));
    }

    /** Stops running events; those waiting for a retry are dropped with the host. */
    void close() {
        closed = true;
    }

    private void attempt(Event event, int functionErrors, Duration throttleBackoff) {
        if (closed) {
            return;
        }
        runner.invoke(event.functionName(), event.requestId(), event.payload(), new LogTail()).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.warn("event {} for {} dropped: {}", event.requestId(), event.functionName(), failure.getMessage());
            } else if (result instanceof Invocation.Throttled) {
                Duration age = Duration.ofNanos(System.nanoTime() - event.queuedNanos());
                if (age.plus(throttleBackoff).compareTo(MAXIMUM_EVENT_AGE) > 0) {
                    LOG.warn("event {} for {} dropped: throttled until it was {} old", event.requestId(), event.functionName(), age);
                    return;
                }
                Duration longer = throttleBackoff.multipliedBy(2);
                later(throttleBackoff, () -> attempt(event, functionErrors,
                        longer.compareTo(LONGEST_THROTTLE_BACKOFF) > 0 ? LONGEST_THROTTLE_BACKOFF : longer));
            } else if (!(result instanceof Invocation.Returned)) {
                if (functionErrors >= retryDelays.size()) {
                    LOG.warn("event {} for {} dropped after {} attempts: {}", event.requestId(), event.functionName(),
                            functionErrors + 1, result);
                    return;
                }
                later(retryDelays.get(functionErrors), () -> attempt(event, functionErrors + 1, throttleBackoff));
            }
        });
    }

    private void later(Duration delay, Runnable attempt) {
        if (!closed) {
            vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
                try {
                    blocking.execute(attempt);
                } catch (RejectedExecutionException e) {
                    // The host closed while the event waited: it is dropped with the host.
                }
            });
        }
    }
}
