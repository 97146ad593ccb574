package dev.lingogate.translate.routing;

import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.cache.TranslationCache;
import dev.lingogate.translate.language.LanguagePair;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates a text between any two reachable languages: through the pipelines of the direct
 * direction, or step by step along the shortest chain of installed ones. A chain's answer is
 * exactly what piping {@code apertium -u} through the same modes gives, since each step takes the
 * text the step before it answered. Finished translations are kept in a {@link TranslationCache}
 * when it is on.
 */
public final class Translator {

    private final Map<LanguagePair, PipelinePool> pools;
    private final ChainMap chains;
    private final TranslationCache cache;

    /** @param pools the pipelines of every installed direction */
    public Translator(Map<LanguagePair, PipelinePool> pools) {
        this(pools, TranslationCache.off());
    }

    public Translator(Map<LanguagePair, PipelinePool> pools, TranslationCache cache) {
        this.pools = Map.copyOf(pools);
        this.chains = new ChainMap(pools.keySet());
        this.cache = cache;
    }

    /** Plain text, unknown words not marked: what {@code apertium -u} answers. */
    public Translation translate(LanguagePair pair, String text) {
        return translate(pair, text, TextFormat.TEXT, false);
    }

    /**
     * @param markUnknownWords whether words the engine does not know are marked ({@code *}, {@code @},
     *                         {@code #}) as {@code apertium} without {@code -u} marks them
     * @throws UnsupportedPair                                   if no chain reaches the target
     * @throws dev.lingogate.translate.apertium.PipelineFailure if a step's pipelines could not answer
     * @throws dev.lingogate.translate.apertium.QueueFull       if a step's queue is full
     */
    public Translation translate(LanguagePair pair, String text, TextFormat format, boolean markUnknownWords) {
        Chain chain = chains.chain(pair).orElseThrow(() -> new UnsupportedPair(pair));
        if (!cache.isOn()) {
            return new Translation(translateAlong(chain, text, format, markUnknownWords), chain);
        }
        String version = chain.steps().stream().map(step -> pools.get(step).version()).collect(Collectors.joining("+"));
        TranslationCache.Key key = new TranslationCache.Key(version, pair, format, markUnknownWords, text);
        return new Translation(cache.translation(key, () -> translateAlong(chain, text, format, markUnknownWords)), chain);
    }

    private String translateAlong(Chain chain, String text, TextFormat format, boolean markUnknownWords) {
        String translated = text;
        for (LanguagePair step : chain.steps()) {
            PipelinePool pool = pools.get(step);
            translated = (markUnknownWords ? pool.markingUnknownWords() : pool).translate(translated, format);
        }
        return translated;
    }

    /** Every reachable direction with the chain that serves it, ordered by source, then target. */
    public Map<LanguagePair, Chain> reachablePairs() {
        return chains.all();
    }

    /** The finished translations kept, with their hit and miss counts for the metrics. */
    public TranslationCache cache() {
        return cache;
    }
}
