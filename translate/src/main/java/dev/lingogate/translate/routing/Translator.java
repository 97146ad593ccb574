package dev.lingogate.translate.routing;

import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.apertium.TextFormat;
import dev.lingogate.translate.cache.TranslationCache;
import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.remote.RemoteEngine;
import dev.lingogate.translate.remote.RemoteEngines;
import dev.lingogate.translate.remote.RemoteTranslation;
import dev.lingogate.translate.remote.RemoteUnavailable;
import dev.lingogate.translate.remote.RemoteUnsupportedPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Translates a text between any two reachable languages: through the pipelines of the direct
 * direction, or step by step along the shortest chain of installed ones. A chain's answer is
 * exactly what piping {@code apertium -u} through the same modes gives, since each step takes the
 * text the step before it answered. A pair no chain serves goes to the remote engines configured
 * for it. Finished translations are kept in a {@link TranslationCache}
 * when it is on.
 */
public final class Translator {

    private final Map<LanguagePair, PipelinePool> pools;
    private final ChainMap chains;
    private final TranslationCache cache;
    private final RemoteEngines remotes;

    /** @param pools the pipelines of every installed direction */
    public Translator(Map<LanguagePair, PipelinePool> pools) {
        this(pools, TranslationCache.off());
    }

    public Translator(Map<LanguagePair, PipelinePool> pools, TranslationCache cache) {
        this(pools, cache, RemoteEngines.none());
    }

    /** @param remotes asked for the pairs no chain of installed directions serves */
    public Translator(Map<LanguagePair, PipelinePool> pools, TranslationCache cache, RemoteEngines remotes) {
        this.pools = Map.copyOf(pools);
        this.chains = new ChainMap(pools.keySet());
        this.cache = cache;
        this.remotes = remotes;
    }

    /** Plain text, unknown words not marked: what {@code apertium -u} answers. */
    public Translation translate(LanguagePair pair, String text) {
        return translate(pair, text, TextFormat.TEXT, false);
    }

    /**
     * @param markUnknownWords whether words the engine does not know are marked ({@code *}, {@code @},
     *                         {@code #}) as {@code apertium} without {@code -u} marks them
     * @throws UnsupportedPair                                   if no chain reaches the target and no remote engine translates the pair
     * @throws dev.lingogate.translate.apertium.PipelineFailure if a step's pipelines could not answer
     * @throws dev.lingogate.translate.apertium.QueueFull       if a step's queue is full
     * @throws RemoteUnavailable                                 if the remote engines for the pair all failed
     */
    public Translation translate(LanguagePair pair, String text, TextFormat format, boolean markUnknownWords) {
        Optional<Chain> reachable = chains.chain(pair);
        if (reachable.isEmpty()) {
            return translateRemotely(pair, text, format);
        }
        Chain chain = reachable.get();
        if (!cache.isOn()) {
            return new Translation(translateAlong(chain, text, format, markUnknownWords), chain);
        }
        String version = chain.steps().stream().map(step -> pools.get(step).version()).collect(Collectors.joining("+"));
        TranslationCache.Key key = new TranslationCache.Key(version, pair, format, markUnknownWords, text);
        return new Translation(cache.translation(key, () -> translateAlong(chain, text, format, markUnknownWords)), chain);
    }

    /**
     * A pair no local chain serves, asked of the remote engines in order. A text one of them
     * translated before is answered from the cache, as that engine's translation, without asking
     * the ones before it again.
     */
    private Translation translateRemotely(LanguagePair pair, String text, TextFormat format) {
        if (!remotes.serve(pair)) {
            throw new UnsupportedPair(pair);
        }
        Chain chain = new Chain(List.of(pair));
        List<RemoteEngine> engines = remotes.enginesFor(pair);
        List<TranslationCache.Key> keys = engines.stream().map(engine -> remoteKey(engine, pair, format, text)).toList();
        Optional<Map.Entry<TranslationCache.Key, String>> kept = cache.kept(keys);
        if (kept.isPresent()) {
            return new Translation(kept.get().getValue(), chain, Optional.of(engines.get(keys.indexOf(kept.get().getKey()))));
        }
        try {
            RemoteTranslation translation = remotes.translate(pair, text, format == TextFormat.HTML);
            cache.keep(remoteKey(translation.engine(), pair, format, text), translation.text());
            return new Translation(translation.text(), chain, Optional.of(translation.engine()));
        } catch (RemoteUnsupportedPair e) {
            throw new UnsupportedPair(pair);
        }
    }

    /** A remote engine's version is not known: its kind and address stand for it. */
    private static TranslationCache.Key remoteKey(RemoteEngine engine, LanguagePair pair, TextFormat format, String text) {
        return new TranslationCache.Key("remote " + engine.kind().word() + " " + engine.endpoint(), pair, format, false, text);
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

    /**
     * Every pair a local chain or a remote engine configured for it by name serves, with its chain:
     * a remote engine's pair is one step, as the engine translates it without a pivot we know of.
     */
    public Map<LanguagePair, Chain> servedChains() {
        Map<LanguagePair, Chain> served = new LinkedHashMap<>(chains.all());
        remotes.namedPairs().keySet().forEach(pair -> served.putIfAbsent(pair, new Chain(List.of(pair))));
        return served;
    }

    /** The pairs remote engines were configured for by name and no local chain serves, each with its engines in order. */
    public Map<LanguagePair, List<RemoteEngine>> remotePairs() {
        Map<LanguagePair, List<RemoteEngine>> pairs = new LinkedHashMap<>(remotes.namedPairs());
        pairs.keySet().removeAll(chains.all().keySet());
        return pairs;
    }

    /** The finished translations kept, with their hit and miss counts for the metrics. */
    public TranslationCache cache() {
        return cache;
    }
}
