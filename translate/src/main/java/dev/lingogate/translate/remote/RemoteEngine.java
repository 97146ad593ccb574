package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A translation service elsewhere that Lingogate may ask for the pairs its Apertium modes cannot
 * serve.
 *
 * @param kind     which API it speaks
 * @param endpoint its base URL, e.g. {@code https://translate.us-east-1.amazonaws.com},
 *                 {@code https://api-free.deepl.com}, {@code http://127.0.0.1:5000}
 * @param pairs    the directions to ask it for; empty for every direction it is asked about
 * @param keyVariable the environment variable holding its key: DeepL's auth key (required), a
 *                 LibreTranslate server's {@code api_key} (optional); unused for Amazon Translate,
 *                 which signs with the AWS credentials of the environment
 * @param timeout  how long one attempt may take
 * @param attempts how many times a request is tried when the engine fails in a way that may pass
 *                 (timeout, refused connection, 429, 5xx), with a doubling pause in between
 */
public record RemoteEngine(Kind kind, URI endpoint, Set<LanguagePair> pairs, Optional<String> keyVariable,
        Duration timeout, int attempts) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ATTEMPTS = 3;

    /** The APIs a remote engine may speak. */
    public enum Kind {
        /** Amazon Translate's TranslateText, SigV4-signed: AWS itself or any Translate-compatible endpoint, another Lingogate edge included. */
        AMAZON_TRANSLATE("amazon"),
        /** DeepL's API v2 {@code /v2/translate}, with a {@code DeepL-Auth-Key}. */
        DEEPL("deepl"),
        /** LibreTranslate's {@code POST /translate} with {@code q, source, target, format}. */
        LIBRETRANSLATE("libretranslate");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word that names the kind in a description and in the engine a translation reports: {@code deepl}. */
        public String word() {
            return word;
        }

        static Kind named(String word) {
            return Arrays.stream(values()).filter(kind -> kind.word.equals(word.trim().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the remote engine kind '" + word
                            + "' is not one of amazon, deepl, libretranslate"));
        }
    }

    public RemoteEngine {
        pairs = Set.copyOf(pairs);
        if (attempts < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a remote engine is tried at least once, with a positive timeout");
        }
        if (kind == Kind.DEEPL && keyVariable.isEmpty()) {
            throw new IllegalArgumentException("a DeepL engine needs the environment variable that holds its auth key");
        }
    }

    /** An engine with the default timeout and attempts. */
    public RemoteEngine(Kind kind, URI endpoint, Set<LanguagePair> pairs, Optional<String> keyVariable) {
        this(kind, endpoint, pairs, keyVariable, DEFAULT_TIMEOUT, DEFAULT_ATTEMPTS);
    }

    /** Whether it is to be asked for a direction. */
    public boolean serves(LanguagePair pair) {
        return pairs.isEmpty() || pairs.contains(pair);
    }

    /**
     * A remote engine from its one-line description, as a command-line option gives it:
     * {@code <kind>=<url>[;pairs=en-de,en-ja][;key-env=VARIABLE][;timeout=10s][;attempts=3]}, kind one of {@code amazon},
     * {@code deepl}, {@code libretranslate}; for example
     * {@code deepl=https://api-free.deepl.com;pairs=en-de,de-en;key-env=DEEPL_AUTH_KEY}.
     *
     * @throws IllegalArgumentException naming what is wrong with the description
     */
    public static RemoteEngine parse(String description) {
        String[] parts = description.split(";");
        String[] kindAndUrl = parts[0].split("=", 2);
        if (kindAndUrl.length != 2) {
            throw new IllegalArgumentException("a remote engine is described as <kind>=<url>[;pairs=en-de,...][;key-env=VARIABLE], not '"
                    + description + "'");
        }
        Kind kind = Kind.named(kindAndUrl[0]);
        URI endpoint;
        try {
            endpoint = URI.create(kindAndUrl[1].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the remote engine URL '" + kindAndUrl[1] + "' is not a URL");
        }
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the remote engine URL '" + kindAndUrl[1] + "' is not http or https");
        }
        Set<LanguagePair> pairs = new LinkedHashSet<>();
        Optional<String> key = Optional.empty();
        Duration timeout = DEFAULT_TIMEOUT;
        int attempts = DEFAULT_ATTEMPTS;
        for (String part : Arrays.asList(parts).subList(1, parts.length)) {
            String[] setting = part.split("=", 2);
            String value = setting.length == 2 ? setting[1].trim() : "";
            switch (setting[0].trim()) {
                case "pairs" -> {
                    for (String pair : value.split(",")) {
                        String[] languages = pair.trim().split("-");
                        if (languages.length != 2 || languages[0].isEmpty() || languages[1].isEmpty()) {
                            throw new IllegalArgumentException("'" + pair + "' is not a pair such as en-de");
                        }
                        pairs.add(new LanguagePair(languages[0], languages[1]));
                    }
                }
                case "key-env" -> key = Optional.of(value);
                case "timeout" -> timeout = duration(value);
                case "attempts" -> attempts = number(value);
                default -> throw new IllegalArgumentException("'" + part + "' is not pairs=, key-env=, timeout= or attempts=");
            }
        }
        return new RemoteEngine(kind, endpoint, pairs, key, timeout, attempts);
    }

    /** {@code 10s} or {@code 500ms}. */
    private static Duration duration(String value) {
        try {
            return value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - (value.endsWith("s") ? 1 : 0))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the timeout '" + value + "' is not a duration such as 10s or 500ms");
        }
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the attempts '" + value + "' is not a number");
        }
    }
}
