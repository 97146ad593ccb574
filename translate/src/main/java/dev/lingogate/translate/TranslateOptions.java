package dev.lingogate.translate;

import dev.lingogate.translate.apertium.PipelinePool;
import java.nio.file.Path;
import dev.lingogate.translate.remote.RemoteEngine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
 * @param cacheCharacters  how many characters of texts and their translations the cache of
 *                         finished translations holds; 0 turns the cache off
 * @param pipelineMemoryLimit bytes a pipeline's programs may hold together before the pipeline is
 *                         replaced
 * @param dataDir          where custom terminologies are kept (in {@code terminologies/}); empty
 *                         to keep them in memory only
 * @param remoteEngines    services to ask, in this order, for the pairs no Apertium mode nor chain
 *                         of them serves
 */
public record TranslateOptions(Path modesDir, int pipelinesPerPair, Duration requestTimeout, int queuePerPair,
        Optional<Path> dataDir, List<RemoteEngine> remoteEngines,
        long cacheCharacters, long pipelineMemoryLimit) {

    /** Some 32 MB of finished translations. */
    public static final long DEFAULT_CACHE_CHARACTERS = 16L << 20;

    public TranslateOptions {
        remoteEngines = List.copyOf(remoteEngines);
        if (pipelinesPerPair < 1) {
            throw new IllegalArgumentException("pipelinesPerPair must be at least 1, not " + pipelinesPerPair);
        }
        if (cacheCharacters < 0 || pipelineMemoryLimit < 1) {
            throw new IllegalArgumentException("cacheCharacters must not be negative and pipelineMemoryLimit must be positive");
        }
        if (queuePerPair < 0) {
            throw new IllegalArgumentException("queuePerPair must not be negative, not " + queuePerPair);
        }
    }

    /** Options with the default queue of {@value PipelinePool#DEFAULT_QUEUE_LENGTH} waiting requests per direction. */
    public TranslateOptions(Path modesDir, int pipelinesPerPair, Duration requestTimeout) {
        this(modesDir, pipelinesPerPair, requestTimeout, PipelinePool.DEFAULT_QUEUE_LENGTH, Optional.empty(), List.of(), DEFAULT_CACHE_CHARACTERS, PipelinePool.DEFAULT_MEMORY_LIMIT);
    }

    /** Debian's modes directory, one pipeline per core and pair, 15 s per request. */
    public static TranslateOptions defaults() {
        return new TranslateOptions(Path.of("/usr/share/apertium/modes"),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(15));
    }

    public TranslateOptions withPipelinesPerPair(int pipelinesPerPair) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair, dataDir, remoteEngines, cacheCharacters, pipelineMemoryLimit);
    }

    public TranslateOptions withQueuePerPair(int queuePerPair) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair, dataDir, remoteEngines, cacheCharacters, pipelineMemoryLimit);
    }

    /** Keeps custom terminologies durably in {@code dataDir/terminologies}. */
    public TranslateOptions withDataDir(Path dataDir) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair, Optional.of(dataDir), remoteEngines, cacheCharacters, pipelineMemoryLimit);
    }

    /** Asks these services, in this order, for the pairs Apertium cannot serve. */
    public TranslateOptions withRemoteEngines(List<RemoteEngine> remoteEngines) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair, dataDir, remoteEngines, cacheCharacters,
                pipelineMemoryLimit);
    }

    /** The same options with no cache of finished translations: every request goes to the engine. */
    public TranslateOptions withoutCache() {
        return withCache(0);
    }

    /** The same options with a cache holding {@code characters} characters of texts and translations. */
    public TranslateOptions withCache(long characters) {
        return copy(characters, pipelineMemoryLimit);
    }

    /** The same options, pipelines replaced when their programs hold more than {@code bytes}. */
    public TranslateOptions withPipelineMemoryLimit(long bytes) {
        return copy(cacheCharacters, bytes);
    }

    private TranslateOptions copy(long cacheCharacters, long pipelineMemoryLimit) {
        return new TranslateOptions(modesDir, pipelinesPerPair, requestTimeout, queuePerPair, dataDir, remoteEngines, cacheCharacters, pipelineMemoryLimit);
    }
}
