package dev.lingogate.translate.routing;

import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguagePair;
import java.util.Map;

/**
 * Translates a text between any two reachable languages: through the pipelines of the direct
 * direction, or step by step along the shortest chain of installed ones. A chain's answer is
 * exactly what piping {@code apertium -u} through the same modes gives, since each step takes the
 * text the step before it answered.
 */
public final class Translator {

    private final Map<LanguagePair, PipelinePool> pools;
    private final ChainMap chains;

    /** @param pools the pipelines of every installed direction */
    public Translator(Map<LanguagePair, PipelinePool> pools) {
        this.pools = Map.copyOf(pools);
        this.chains = new ChainMap(pools.keySet());
    }

    /**
     * @throws UnsupportedPair                                   if no chain reaches the target
     * @throws dev.lingogate.translate.apertium.PipelineFailure if a step's pipelines could not answer
     * @throws dev.lingogate.translate.apertium.QueueFull       if a step's queue is full
     */
    public Translation translate(LanguagePair pair, String text) {
        Chain chain = chains.chain(pair).orElseThrow(() -> new UnsupportedPair(pair));
        String translated = text;
        for (LanguagePair step : chain.steps()) {
            translated = pools.get(step).translate(translated);
        }
        return new Translation(translated, chain);
    }

    /** Every reachable direction with the chain that serves it, ordered by source, then target. */
    public Map<LanguagePair, Chain> reachablePairs() {
        return chains.all();
    }
}
