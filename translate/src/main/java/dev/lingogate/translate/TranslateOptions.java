package dev.lingogate.translate;

import dev.lingogate.translate.apertium.PipelinePool;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the translation engine runs.
 *
 * @param modesDir         Apertium's modes directory, {@code /usr/share/apertium/modes} on Debian
 * @param pipelinesPerPair warm pipelines per translation direction; each is a dozen processes
 * @param requestTimeout   how long a pipeline may take to answer before it counts as stalled and
 *                         is restarted
 * @param queuePerPair     how many requests of one direction may wait while all its pipelines are
 *                         full; one more is refused with Amazon Translate's
 *                         {@code ServiceUnavailableException}
 */
public record TranslateOptions(Path modesDir, int pipelinesPerPair, Duration requestTimeout, int queuePerPair) {

    public TranslateOptions {
        if (pipelinesPerPair < 1) {
            throw new IllegalArgumentException("pipelinesPerPair must be at least 1, not " + pipelinesPerPair);
        }
        if (queuePerPair < 0) {
            throw new IllegalArgumentException("queuePerPair must not be negative, not " + queuePerPair);
        }
    }

    /** Options with the default queue of {@value PipelinePool#DEFAULT_QUEUE_LENGTH} waiting requests per direction. */
    public TranslateOptions(Path modesDir, int pipelinesPerPair, Duration requestTimeout) {
        this(modesDir, pipelinesPerPair, requestTimeout, PipelinePool.DEFAULT_QUEUE_LENGTH);
    }

    /** Debian's modes directory, one pipeline per core and pair, 15 s per request. */
    public static TranslateOptions defaults() {
        return new TranslateOptions(Path.of("/usr/share/apertium/modes"),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(15));
    }

    public TranslateOptions withQueuePerPair(int queuePerPair) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair);
    }
}
