package dev.lingogate.translate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the translation engine runs.
 *
 * @param modesDir         Apertium's modes directory, {@code /usr/share/apertium/modes} on Debian
 * @param pipelinesPerPair warm pipelines per translation direction; each is a dozen processes
 * @param requestTimeout   how long a pipeline may take to answer before it counts as stalled and
 *                         is restarted
 */
public record TranslateOptions(Path modesDir, int pipelinesPerPair, Duration requestTimeout) {

    public TranslateOptions {
        if (pipelinesPerPair < 1) {
            throw new IllegalArgumentException("pipelinesPerPair must be at least 1, not " + pipelinesPerPair);
        }
    }

    /** Debian's modes directory, one pipeline per core and pair, 15 s per request. */
    public static TranslateOptions defaults() {
        return new TranslateOptions(Path.of("/usr/share/apertium/modes"),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(15));
    }
}
