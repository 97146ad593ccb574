package dev.lingogate.translate.apertium;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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
 * pipeline stays warm. A request goes to the first pipeline with room, the pieces of a long text to
 * the least busy ones ({@code nextPipeline}). A
 * pipeline that breaks (one of its programs died) or stalls (no answer within
 * the request timeout) is stopped and replaced by a fresh one, and the request is tried once more
 * on it: a dead process costs one slow request, not the service. A pipeline whose programs have
 * grown past the memory limit gets no new requests and is replaced once its last one is answered.
 *
 * <p>Each pipeline takes a few requests at once ({@value #REQUESTS_PER_PIPELINE}): its programs
 * answer in order, so a request can enter while the one before it is still in the later stages.
 * A long text is cut into runs of sentences ({@link SentenceSplitter}) that go into the pipelines
 * side by side and are joined in order. Requests beyond the pool's capacity wait their turn first
 * come, first served, in a queue of bounded length; a request that finds the queue full fails at
 * once with {@link QueueFull}, so an overloaded pair answers "busy" in microseconds instead of
 * letting every request time out.
 *
 * <p>Marking unknown words takes other programs ({@code lt-proc -g} instead of {@code -n}): those
 * run in a second pool of the same size, {@link #markingUnknownWords()}, started on its first use.
 */
public final class PipelinePool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelinePool.class);

    /**
     * Requests in flight through one pipeline at once: enough to keep its dozen programs busy, each
     * working on a request of its own while the next ones wait in the pipes between them (a pipeline
     * fed one corpus sentence at a time answers some 180 a second, fed 16 at once some 900, as many as
     * fed 64), and for one pipeline to take 32 clients on its own (one request each); few enough that
     * a stalled pipeline takes few down with it.
     */
    public static final int REQUESTS_PER_PIPELINE = 32;

    /** How many requests may wait for a pipeline, when {@link #PipelinePool(ApertiumMode, int, Duration)} is used. */
    public static final int DEFAULT_QUEUE_LENGTH = 100;

    /** The memory a pipeline may grow to before it is replaced; a fresh eng-spa pipeline holds about 120 MB. */
    public static final long DEFAULT_MEMORY_LIMIT = 1L << 30;

    /** Requests between two readings of a pipeline's memory: reading /proc costs some 20 µs a program. */
    public static final int MEMORY_CHECK_INTERVAL = 64;

    /** Characters of stream per run of sentences when a long text is spread across pipelines. */
    private static final int PIECE_LENGTH = 400;

    private final ApertiumMode mode;
    private final boolean markUnknownWords;
    private final List<List<String>> programs;
    private final Duration requestTimeout;
    private final ApertiumPipeline[] pipelines;
    private final long[] memoryCheckedAt;
    private final boolean[] oversized;
    private final long memoryLimit;
    private final int capacity;
    private final int queueLength;
    private final SentenceSplitter splitter = new SentenceSplitter(PIECE_LENGTH);
    /** One permit per request that may be in a pipeline now; fair, so waiting requests go in arrival order. */
    private final Semaphore turns;
    /** Requests in a pipeline or waiting for one. */
    private final AtomicInteger admitted = new AtomicInteger();
    private PipelinePool marking;
    private String version;
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
        this(mode, size, requestTimeout, queueLength, DEFAULT_MEMORY_LIMIT, false);
    }

    /**
     * A pool as above whose pipelines are replaced when their programs hold more than
     * {@code memoryLimit} bytes together.
     *
     * @throws IOException if the mode's pipeline cannot be read
     */
    public PipelinePool(ApertiumMode mode, int size, Duration requestTimeout, int queueLength, long memoryLimit)
            throws IOException {
        this(mode, size, requestTimeout, queueLength, memoryLimit, false);
    }

    private PipelinePool(ApertiumMode mode, int size, Duration requestTimeout, int queueLength, long memoryLimit,
                         boolean markUnknownWords) throws IOException {
        if (queueLength < 0) {
            throw new IllegalArgumentException("queueLength must not be negative, not " + queueLength);
        }
        this.mode = mode;
        this.markUnknownWords = markUnknownWords;
        this.programs = mode.pipeline(markUnknownWords);
        this.requestTimeout = requestTimeout;
        this.pipelines = new ApertiumPipeline[size];
        this.memoryCheckedAt = new long[size];
        this.oversized = new boolean[size];
        this.memoryLimit = memoryLimit;
        this.capacity = size * REQUESTS_PER_PIPELINE;
        this.queueLength = queueLength;
        this.turns = new Semaphore(capacity, true);
    }

    public ApertiumMode mode() {
        return mode;
    }

    /** The version of the mode's programs and data, as {@link ApertiumMode#version()} tells it; read once. */
    public synchronized String version() {
        if (version == null) {
            try {
                version = mode.version();
            } catch (IOException e) {
                throw new PipelineFailure("the " + mode.name() + " mode cannot be read: " + e.getMessage(), e);
            }
        }
        return version;
    }

    /**
     * The pool of the same direction whose pipelines mark unknown words ({@code *}), untranslated
     * lemmas ({@code @}) and generation errors ({@code #}), as {@code apertium} without {@code -u}.
     */
    public synchronized PipelinePool markingUnknownWords() {
        if (markUnknownWords) {
            return this;
        }
        if (marking == null) {
            try {
                marking = new PipelinePool(mode, pipelines.length, requestTimeout, queueLength, memoryLimit, true);
            } catch (IOException e) {
                throw new PipelineFailure("the " + mode.name() + " mode cannot be read: " + e.getMessage(), e);
            }
        }
        return marking;
    }

    /** Translates plain text, exactly as {@code apertium -u <mode>} would. */
    public String translate(String text) {
        return translate(text, TextFormat.TEXT);
    }

    /**
     * Translates a text in the given format, exactly as {@code apertium -u <mode>} would translate
     * plain text.
     *
     * @throws PipelineFailure if no pipeline could answer, even after a restart
     * @throws QueueFull        if every pipeline is full and so is the queue of waiting requests
     */
    public String translate(String text, TextFormat format) {
        Deformatted deformatted = format.deformat(text);
        List<String> pieces = splitter.split(deformatted.stream());
        return deformatted.reformat(String.join("", translateStreams(pieces)));
    }

    private List<String> translateStreams(List<String> pieces) {
        if (admitted.incrementAndGet() > capacity + queueLength) {
            admitted.decrementAndGet();
            throw new QueueFull("all " + pipelines.length + " " + mode.name() + " pipeline(s) are busy and "
                    + queueLength + " request(s) already wait");
        }
        try {
            List<ApertiumPipeline> sentTo = new ArrayList<>(pieces.size());
            List<CompletableFuture<String>> answers = new ArrayList<>(pieces.size());
            for (String piece : pieces) {
                turns.acquire();
                ApertiumPipeline pipeline;
                try {
                    pipeline = nextPipeline(pieces.size() > 1);
                } catch (RuntimeException e) {
                    turns.release();
                    throw e;
                }
                CompletableFuture<String> answer = pipeline.translate(piece);
                answer.whenComplete((stream, failure) -> turns.release());
                sentTo.add(pipeline);
                answers.add(answer);
            }
            List<String> streams = new ArrayList<>(pieces.size());
            for (int i = 0; i < pieces.size(); i++) {
                streams.add(answerOrRetry(sentTo.get(i), answers.get(i), pieces.get(i)));
            }
            return streams;
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

    private String answerOrRetry(ApertiumPipeline pipeline, CompletableFuture<String> answer, String piece)
            throws InterruptedException {
        try {
            return await(pipeline, answer);
        } catch (PipelineFailure first) {
            LOG.warn("{}; restarting it and trying the request again", first.getMessage());
            turns.acquire();
            try {
                ApertiumPipeline fresh = replace(pipeline);
                return await(fresh, fresh.translate(piece));
            } finally {
                turns.release();
            }
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
        if (marking != null) {
            marking.close();
        }
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

    /**
     * The pipeline the next request goes to. A piece of a long text goes to the least busy one, starting
     * another if every running one has work, so that the pieces are translated side by side. A text of
     * one piece goes to the first pipeline with room, and another starts only when every running one is
     * full: a pipeline's programs take the requests queued in their pipe in one wake-up, so a second
     * pipeline that shares a steady load with the first pays each program's wake-ups twice. On 2 cores
     * one pipeline served 1.3 to 1.6 times the requests of two at 32 clients, with a quarter to a third
     * less Apertium CPU per request (docs/BENCHMARKS.md, "Pipelines per pair").
     */
    private synchronized ApertiumPipeline nextPipeline(boolean pieceOfLongText) {
        for (int slot = 0; slot < pipelines.length; slot++) {
            ApertiumPipeline pipeline = pipelines[slot];
            if (pipeline == null) {
                continue;
            }
            if (pipeline.isBroken() || oversized[slot] && pipeline.inFlight() == 0) {
                restart(slot);
            } else if (pipeline.sentCount() - memoryCheckedAt[slot] >= MEMORY_CHECK_INTERVAL) {
                memoryCheckedAt[slot] = pipeline.sentCount();
                long resident = pipeline.residentBytes();
                if (resident > memoryLimit) {
                    LOG.info("The {} pipeline holds {} MB, over its limit of {} MB: it is replaced once idle",
                            mode.name(), resident >> 20, memoryLimit >> 20);
                    oversized[slot] = true;
                }
            }
        }
        ApertiumPipeline chosen = null;
        for (int slot = 0; slot < pipelines.length; slot++) {
            ApertiumPipeline pipeline = pipelines[slot];
            if (pipeline == null || oversized[slot]) {
                continue;
            }
            if (pieceOfLongText ? chosen == null || pipeline.inFlight() < chosen.inFlight()
                    : chosen == null && pipeline.inFlight() < REQUESTS_PER_PIPELINE) {
                chosen = pipeline;
            }
        }
        if (chosen == null || pieceOfLongText && chosen.inFlight() > 0) {
            for (int slot = 0; slot < pipelines.length; slot++) {
                if (pipelines[slot] == null) {
                    return restart(slot);
                }
            }
        }
        if (chosen == null) {
            // Every pipeline is full or oversized: the one with the fewest requests serves meanwhile.
            return Arrays.stream(pipelines).filter(Objects::nonNull)
                    .min(Comparator.comparingInt(ApertiumPipeline::inFlight)).orElseThrow();
        }
        return chosen;
    }

    /** Replaces a broken pipeline, unless another request already did. */
    private synchronized ApertiumPipeline replace(ApertiumPipeline broken) {
        broken.close();
        for (int slot = 0; slot < pipelines.length; slot++) {
            if (pipelines[slot] == broken) {
                return restart(slot);
            }
        }
        return nextPipeline(false);
    }

    private ApertiumPipeline restart(int slot) {
        if (closed) {
            throw new PipelineFailure("the " + mode.name() + " pipelines are closed");
        }
        try {
            if (pipelines[slot] != null) {
                pipelines[slot].close();
            }
            pipelines[slot] = ApertiumPipeline.start(mode.name() + (markUnknownWords ? "-marking-" : "-") + slot, programs);
            memoryCheckedAt[slot] = 0;
            oversized[slot] = false;
            return pipelines[slot];
        } catch (IOException e) {
            throw new PipelineFailure("could not restart the " + mode.name() + " pipeline: " + e.getMessage(), e);
        }
    }
}
