package dev.lingogate.translate.apertium;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm pipelines of one translation direction. They start on demand: the first request starts
 * one, and another is started (up to the pool's size) whenever every running pipeline is busy, so
 * a pair nobody uses costs no memory and a busy pair gets every pipeline it may have. A started
 * pipeline stays warm. A request goes to the pipeline with the fewest requests in flight. A
 * pipeline that breaks (one of its programs died) or stalls (no answer within
 * the request timeout) is stopped and replaced by a fresh one, and the request is tried once more
 * on it: a dead process costs one slow request, not the service.
 *
 * <p>Each pipeline takes a few requests at once ({@value #REQUESTS_PER_PIPELINE}): its programs
 * answer in order, so a request can enter while the one before it is still in the later stages.
 * Requests beyond the pool's capacity wait their turn first come, first served, in a queue of
 * bounded length; a request that finds the queue full fails at once with {@link QueueFull}, so an
 * overloaded pair answers "busy" in microseconds instead of letting every request time out.
 */
public final class PipelinePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinePool.class);

    /**
     * Requests in flight through one pipeline at once: enough to keep its dozen programs busy
     * while the next request is written, few enough that a stalled pipeline takes few down with it.
     */
    public static final int REQUESTS_PER_PIPELINE = 4;

    /** How many requests may wait for a pipeline, when {@link #PipelinePool(ApertiumMode, int, Duration)} is used. */
    public static final int DEFAULT_QUEUE_LENGTH = 100;

    private final ApertiumMode mode;
    private final List<List<String>> programs;
    private final Duration requestTimeout;
    private final ApertiumPipeline[] pipelines;
    private final int capacity;
    private final int queueLength;
    /** One permit per request that may be in a pipeline now; fair, so waiting requests go in arrival order. */
    private final Semaphore turns;
    /** Requests in a pipeline or waiting for one. */
    private final AtomicInteger admitted = new AtomicInteger();
    private boolean closed;

    /**
     * A pool of at most {@code size} pipelines for {@code mode}; none runs until a request comes.
     *
     * @throws IOException if the mode's pipeline cannot be read
     */
    public PipelinePool(ApertiumMode mode, int size, Duration requestTimeout) throws IOException {
        this(mode, size, requestTimeout, DEFAULT_QUEUE_LENGTH);
    }

    /**
     * A pool of at most {@code size} pipelines for {@code mode}, where at most {@code queueLength}
     * requests wait when all pipelines are full; none runs until a request comes.
     *
     * @throws IOException if the mode's pipeline cannot be read
     */
    public PipelinePool(ApertiumMode mode, int size, Duration requestTimeout, int queueLength) throws IOException {
        if (queueLength < 0) {
            throw new IllegalArgumentException("queueLength must not be negative, not " + queueLength);
        }
        this.mode = mode;
        this.programs = mode.pipeline();
        this.requestTimeout = requestTimeout;
        this.pipelines = new ApertiumPipeline[size];
        this.capacity = size * REQUESTS_PER_PIPELINE;
        this.queueLength = queueLength;
        this.turns = new Semaphore(capacity, true);
    }

    public ApertiumMode mode() {
        return mode;
    }

    /**
     * Translates one text, exactly as {@code apertium -u <mode>} would.
     *
     * @throws PipelineFailure if no pipeline could answer, even after a restart
     * @throws QueueFull        if every pipeline is full and so is the queue of waiting requests
     */
    public String translate(String text) {
        if (admitted.incrementAndGet() > capacity + queueLength) {
            admitted.decrementAndGet();
            throw new QueueFull("all " + pipelines.length + " " + mode.name() + " pipeline(s) are busy and "
                    + queueLength + " request(s) already wait");
        }
        try {
            turns.acquire();
            try {
                return translateNow(text);
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineFailure("interrupted while waiting for a " + mode.name() + " pipeline");
        } finally {
            admitted.decrementAndGet();
        }
    }

    /** Requests waiting for a place in a pipeline now. */
    public int queued() {
        return Math.max(0, admitted.get() - (capacity - turns.availablePermits()));
    }

    private String translateNow(String text) {
        ApertiumPipeline pipeline = leastBusy();
        try {
            return await(pipeline, pipeline.translate(text));
        } catch (PipelineFailure first) {
            LOG.warn("{}; restarting it and trying the request again", first.getMessage());
            ApertiumPipeline fresh = replace(pipeline);
            return await(fresh, fresh.translate(text));
        }
    }

    /** The pipelines now serving, for whoever must watch them (tests, metrics). */
    public synchronized List<ApertiumPipeline> pipelines() {
        return Arrays.stream(pipelines).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized void close() {
        closed = true;
        Arrays.stream(pipelines).filter(Objects::nonNull).forEach(ApertiumPipeline::close);
    }

    private String await(ApertiumPipeline pipeline, CompletableFuture<String> answer) {
        try {
            return answer.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A stalled pipeline would answer later requests with earlier answers: it must go.
            pipeline.close();
            throw new PipelineFailure("the " + mode.name() + " pipeline gave no answer within " + requestTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PipelineFailure failure ? failure
                    : new PipelineFailure("the " + mode.name() + " pipeline failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineFailure("interrupted while waiting for the " + mode.name() + " pipeline");
        }
    }

    private synchronized ApertiumPipeline leastBusy() {
        for (int slot = 0; slot < pipelines.length; slot++) {
            if (pipelines[slot] != null && pipelines[slot].isBroken()) {
                restart(slot);
            }
        }
        ApertiumPipeline least = Arrays.stream(pipelines).filter(Objects::nonNull)
                .min(Comparator.comparingInt(ApertiumPipeline::inFlight)).orElse(null);
        if (least == null || least.inFlight() > 0) {
            for (int slot = 0; slot < pipelines.length; slot++) {
                if (pipelines[slot] == null) {
                    return restart(slot);
                }
            }
        }
        return least;
    }

    /** Replaces a broken pipeline, unless another request already did. */
    private synchronized ApertiumPipeline replace(ApertiumPipeline broken) {
        broken.close();
        for (int slot = 0; slot < pipelines.length; slot++) {
            if (pipelines[slot] == broken) {
                return restart(slot);
            }
        }
        return leastBusy();
    }

    private ApertiumPipeline restart(int slot) {
        if (closed) {
            throw new PipelineFailure("the " + mode.name() + " pipelines are closed");
        }
        try {
            if (pipelines[slot] != null) {
                pipelines[slot].close();
            }
            pipelines[slot] = ApertiumPipeline.start(mode.name() + "-" + slot, programs);
            return pipelines[slot];
        } catch (IOException e) {
            throw new PipelineFailure("could not restart the " + mode.name() + " pipeline: " + e.getMessage(), e);
        }
    }
}
