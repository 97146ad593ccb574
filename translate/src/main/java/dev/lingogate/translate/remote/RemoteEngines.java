package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote engines configured, asked in their order for a pair Apertium cannot serve: each is
 * tried up to its number of attempts while it fails in a way that may pass (timeout, refused
 * connection, 429, 5xx), with a pause of 200 ms doubling between attempts; an engine that does not
 * translate the pair, or refuses the request, gives way to the next at once.
 */
public final class RemoteEngines implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteEngines.class);
    private static final long FIRST_PAUSE_MILLIS = 200;

    private final Map<RemoteEngine, RemoteTranslator> engines = new LinkedHashMap<>();

    /**
     * @param engines in the order they are to be asked
     * @param environment where keys are looked up by name, {@code System::getenv} in production
     * @throws IllegalArgumentException if a DeepL engine's key variable is not set
     */
    public RemoteEngines(List<RemoteEngine> engines, Function<String, String> environment) {
        for (RemoteEngine engine : engines) {
            Optional<String> key = engine.keyVariable().map(environment);
            this.engines.put(engine, switch (engine.kind()) {
                case AMAZON_TRANSLATE -> new AmazonTranslateApi(engine);
                case DEEPL -> new DeepLApi(engine, key.orElseThrow(() -> new IllegalArgumentException(
                        "the DeepL engine " + engine.endpoint() + " needs its auth key in the environment variable "
                                + engine.keyVariable().orElseThrow())));
                case LIBRETRANSLATE -> new LibreTranslateApi(engine, key);
            });
        }
    }

    public static RemoteEngines none() {
        return new RemoteEngines(List.of(), name -> null);
    }

    /** Whether some engine is configured to be asked for the pair. */
    public boolean serve(LanguagePair pair) {
        return engines.keySet().stream().anyMatch(engine -> engine.serves(pair));
    }

    /** The engines configured to be asked for the pair, in the order they are asked. */
    public List<RemoteEngine> enginesFor(LanguagePair pair) {
        return engines.keySet().stream().filter(engine -> engine.serves(pair)).toList();
    }

    /** The pairs engines were configured for by name, each with the engines to ask, in order. */
    public Map<LanguagePair, List<RemoteEngine>> namedPairs() {
        Map<LanguagePair, List<RemoteEngine>> pairs = new LinkedHashMap<>();
        engines.keySet().forEach(engine -> engine.pairs().forEach(pair -> pairs.computeIfAbsent(pair, p -> new ArrayList<>()).add(engine)));
        return pairs;
    }

    /** Every language a remote engine was configured for by name. */
    public Set<String> languages() {
        Set<String> languages = new TreeSet<>();
        namedPairs().keySet().forEach(pair -> {
            languages.add(pair.source());
            languages.add(pair.target());
        });
        return languages;
    }

    /**
     * @throws RemoteUnsupportedPair if no engine is configured for the pair, or every one asked said it does not translate it
     * @throws RemoteUnavailable     if some engine that might have translated it failed every attempt or refused
     */
    public RemoteTranslation translate(LanguagePair pair, String text, boolean html) {
        List<String> failures = new ArrayList<>();
        boolean onlyUnsupported = true;
        for (Map.Entry<RemoteEngine, RemoteTranslator> entry : engines.entrySet()) {
            RemoteEngine engine = entry.getKey();
            if (!engine.serves(pair)) {
                continue;
            }
            long pause = FIRST_PAUSE_MILLIS;
            for (int attempt = 1; attempt <= engine.attempts(); attempt++) {
                try {
                    return new RemoteTranslation(entry.getValue().translate(text, pair, html), engine);
                } catch (RemoteFailure e) {
                    LOG.info("Remote engine {} {}, attempt {} of {} for {}: {}", engine.kind(), engine.endpoint(), attempt,
                            engine.attempts(), pair, e.getMessage());
                    if (e.kind() != RemoteFailure.Kind.UNSUPPORTED_PAIR) {
                        onlyUnsupported = false;
                    }
                    if (e.kind() != RemoteFailure.Kind.PASSING || attempt == engine.attempts()) {
                        failures.add(engine.kind() + " " + engine.endpoint() + ": " + e.getMessage());
                        break;
                    }
                    if (!pause(pause)) {
                        throw new RemoteUnavailable(pair, List.of("interrupted"));
                    }
                    pause *= 2;
                }
            }
        }
        if (onlyUnsupported) {
            throw new RemoteUnsupportedPair(pair, failures);
        }
        throw new RemoteUnavailable(pair, failures);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        engines.values().forEach(RemoteTranslator::close);
    }
}
