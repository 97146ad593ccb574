package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.remote.RemoteEngine;
import dev.lingogate.translate.remote.RemoteEngine.Kind;
import dev.lingogate.translate.remote.RemoteEngines;
import dev.lingogate.translate.remote.RemoteUnavailable;
import dev.lingogate.translate.routing.Translation;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.translate.model.Language;
import software.amazon.awssdk.services.translate.model.ListLanguagesResponse;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

/**
 * Remote engines for the pairs the local Apertium cannot serve. The local engine here has only
 * English-Spanish installed; the remote is a second Lingogate edge on 127.0.0.1 with every installed
 * pair, reached through Amazon Translate's API (SigV4), and through LibreTranslate's and DeepL's
 * protocols by stand-in servers that put that same edge behind those protocols.
 */
class RemoteEngineTest {

    private static final String FRENCH = "Je suis content.";

    @TempDir
    static Path localModes;

    private static TranslationEngine remoteEngine;
    private static RunningEdge remoteEdge;
    private static StandInServer libreTranslate;
    private static StandInServer deepL;

    @BeforeAll
    static void startTheRemote() throws IOException {
        for (String mode : List.of("eng-spa.mode", "spa-eng.mode")) {
            Files.copy(TranslateOptions.defaults().modesDir().resolve(mode), localModes.resolve(mode));
        }
        remoteEngine = TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 1, Duration.ofSeconds(15)));
        remoteEdge = new RunningEdge(remoteEngine.services());
        // The SDK finds the credentials and region of the environment here, as it would AWS_* variables.
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        System.setProperty("aws.region", "us-east-1");
        libreTranslate = new StandInServer("/translate", (exchange, request) -> {
            String q = request.path("q").asText(null);
            String source = request.path("source").asText(null);
            String target = request.path("target").asText(null);
            if (q == null || source == null || target == null || !request.path("format").asText().equals("text")) {
                return new StandInServer.Answer(400, "{\"error\":\"q, source, target and format text are required\"}");
            }
            return viaRemoteEdge(q, source, target, translated -> Map.of("translatedText", translated));
        });
        deepL = new StandInServer("/v2/translate", (exchange, request) -> {
            if (!"DeepL-Auth-Key deepl-secret".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return new StandInServer.Answer(403, "{\"message\":\"Authorization failure, check auth_key\"}");
            }
            String source = request.path("source_lang").asText().toLowerCase(Locale.ROOT);
            String target = request.path("target_lang").asText().toLowerCase(Locale.ROOT);
            return viaRemoteEdge(request.path("text").path(0).asText(), source, target, translated -> Map.of(
                    "translations", List.of(Map.of("detected_source_language", source.toUpperCase(Locale.ROOT), "text", translated))));
        });
    }

    private static StandInServer.Answer viaRemoteEdge(String text, String source, String target,
            java.util.function.Function<String, Object> shape) {
        try {
            String translated = remoteEdge.translate().translateText(r -> r.text(text).sourceLanguageCode(source)
                    .targetLanguageCode(target)).translatedText();
            return new StandInServer.Answer(200, StandInServer.json(shape.apply(translated)));
        } catch (UnsupportedLanguagePairException e) {
            return new StandInServer.Answer(400, StandInServer.json(Map.of("error", e.awsErrorDetails().errorMessage())));
        }
    }

    @AfterAll
    static void stopTheRemote() {
        libreTranslate.close();
        deepL.close();
        remoteEdge.close();
        remoteEngine.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.region");
    }

    private static TranslationEngine localEngine(RemoteEngine... remotes) {
        return TranslationEngine.start(new TranslateOptions(localModes, 1, Duration.ofSeconds(15)).withRemoteEngines(List.of(remotes)));
    }

    private static RemoteEngine amazon(URI endpoint, LanguagePair... pairs) {
        return new RemoteEngine(Kind.AMAZON_TRANSLATE, endpoint, Set.of(pairs), Optional.empty());
    }

    private static RemoteEngine libre(URI endpoint, Duration timeout, int attempts, LanguagePair... pairs) {
        return new RemoteEngine(Kind.LIBRETRANSLATE, endpoint, Set.of(pairs), Optional.empty(), timeout, attempts);
    }

    private static final LanguagePair FR_ES = new LanguagePair("fr", "es");

    @Test
    void aPairApertiumLacksHereIsTranslatedByAnotherLingogateEdgeThroughAmazonTranslatesApi() {
        try (TranslationEngine local = localEngine(amazon(remoteEdge.endpoint(), FR_ES)); RunningEdge edge = new RunningEdge(local.services())) {
            assertThat(local.reachablePairs()).doesNotContainKey(FR_ES);

            TranslateTextResponse answer = edge.translate().translateText(r -> r.text(FRENCH).sourceLanguageCode("fr").targetLanguageCode("es"));

            assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
            assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Engine")).hasValue("amazon");
            assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Chain")).hasValue("fr>es");
            assertThat(local.remotePairs()).containsKey(FR_ES);
            ListLanguagesResponse languages = edge.translate().listLanguages(r -> { });
            assertThat(languages.languages()).extracting(Language::languageCode).contains("fr");
            assertThat(languages.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Pairs").orElseThrow().split(", ")).contains("fr>es");
        }
    }

    @Test
    void aLibreTranslateServerIsAskedInTheProtocolsOwnShape() {
        try (TranslationEngine local = localEngine(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 1, FR_ES))) {
            assertThat(local.translate(FR_ES, FRENCH).text()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
        }
    }

    @Test
    void aRemoteTranslationAskedForAgainIsAnsweredFromTheCacheAsThatEnginesTranslation() {
        int before = libreTranslate.requests();
        try (TranslationEngine local = localEngine(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 1, FR_ES))) {
            Translation first = local.translate(FR_ES, FRENCH);
            Translation second = local.translate(FR_ES, FRENCH);

            assertThat(second.text()).isEqualTo(first.text()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
            assertThat(second.remote()).map(engine -> engine.kind()).hasValue(Kind.LIBRETRANSLATE);
            assertThat(local.cache().hits()).isEqualTo(1);
        }
        assertThat(libreTranslate.requests() - before).isEqualTo(1);
    }

    @Test
    void withTheCacheOffARemoteEngineIsAskedEveryTime() {
        int before = libreTranslate.requests();
        try (TranslationEngine local = TranslationEngine.start(new TranslateOptions(localModes, 1, Duration.ofSeconds(15))
                .withRemoteEngines(List.of(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 1, FR_ES))).withoutCache())) {
            local.translate(FR_ES, FRENCH);
            local.translate(FR_ES, FRENCH);
        }
        assertThat(libreTranslate.requests() - before).isEqualTo(2);
    }

    @Test
    void engineFailuresThatMayPassAreRetriedWithBackOff() {
        libreTranslate.failNext(2);
        int before = libreTranslate.requests();
        try (TranslationEngine local = localEngine(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 3, FR_ES))) {
            assertThat(local.translate(FR_ES, FRENCH).text()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
        }
        assertThat(libreTranslate.requests() - before).isEqualTo(3);
    }

    @Test
    void enginesAreTriedInOrderPastOneThatIsDownAndOneThatHangs() throws IOException {
        URI down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        try (StandInServer hanging = new StandInServer("/translate", (exchange, request) -> new StandInServer.Answer(500, "{}"));
             TranslationEngine local = localEngine(
                     libre(down, Duration.ofSeconds(2), 2, FR_ES),
                     libre(hanging.endpoint(), Duration.ofMillis(300), 1, FR_ES),
                     amazon(remoteEdge.endpoint(), FR_ES))) {
            hanging.hang();

            assertThat(local.translate(FR_ES, FRENCH).text()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
            assertThat(hanging.requests()).isEqualTo(1);
        }
    }

    @Test
    void aPairNoEngineServesIsUnsupportedLanguagePair() {
        try (TranslationEngine local = localEngine(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 1, new LanguagePair("de", "ja")));
             RunningEdge edge = new RunningEdge(local.services())) {
            for (String source : List.of("de", "fr")) {
                assertThatThrownBy(() -> edge.translate().translateText(r -> r.text("Hallo Welt").sourceLanguageCode(source)
                        .targetLanguageCode("ja")))
                        .isInstanceOfSatisfying(UnsupportedLanguagePairException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(400);
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unsupported language pair: " + source + " to ja.");
                        });
            }
        }
    }

    @Test
    void whenEveryEngineFailsTheCallerIsToldToRetryLater() {
        libreTranslate.failNext(2);
        try (TranslationEngine local = localEngine(libre(libreTranslate.endpoint(), Duration.ofSeconds(10), 2, FR_ES));
             RunningEdge edge = new RunningEdge(local.services())) {
            assertThatThrownBy(() -> edge.translate().translateText(r -> r.text(FRENCH).sourceLanguageCode("fr").targetLanguageCode("es")))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("No remote engine translated fr to es")
                                .contains("answered 503");
                    });
        }
    }

    @Test
    void deepLIsAskedWithItsAuthKeyHeaderAndCapitalLanguageCodes() {
        RemoteEngine engine = new RemoteEngine(Kind.DEEPL, deepL.endpoint(), Set.of(FR_ES), Optional.of("DEEPL_AUTH_KEY"));
        try (RemoteEngines engines = new RemoteEngines(List.of(engine), Map.of("DEEPL_AUTH_KEY", "deepl-secret")::get)) {
            assertThat(engines.translate(FR_ES, FRENCH, false).text()).isEqualTo(ApertiumCli.translate("fr-es", FRENCH));
        }
        try (RemoteEngines wrongKey = new RemoteEngines(List.of(engine), Map.of("DEEPL_AUTH_KEY", "wrong")::get)) {
            assertThatThrownBy(() -> wrongKey.translate(FR_ES, FRENCH, false))
                    .isInstanceOf(RemoteUnavailable.class).hasMessageContaining("answered 403");
        }
    }

    @Test
    void aRemoteEngineIsDescribedOnOneLine() {
        RemoteEngine engine = RemoteEngine.parse("deepl=https://api-free.deepl.com;pairs=en-de,de-en;key-env=DEEPL_AUTH_KEY;timeout=5s;attempts=2");

        assertThat(engine).isEqualTo(new RemoteEngine(Kind.DEEPL, URI.create("https://api-free.deepl.com"),
                Set.of(new LanguagePair("en", "de"), new LanguagePair("de", "en")), Optional.of("DEEPL_AUTH_KEY"), Duration.ofSeconds(5), 2));
        assertThat(RemoteEngine.parse("amazon=https://translate.eu-west-1.amazonaws.com").serves(new LanguagePair("en", "ko"))).isTrue();
        assertThatThrownBy(() -> RemoteEngine.parse("bing=https://x")).hasMessage("the remote engine kind 'bing' is not one of amazon, deepl, libretranslate");
        assertThatThrownBy(() -> RemoteEngine.parse("deepl=https://x")).hasMessage("a DeepL engine needs the environment variable that holds its auth key");
        assertThatThrownBy(() -> RemoteEngine.parse("libretranslate=ftp://x")).hasMessage("the remote engine URL 'ftp://x' is not http or https");
        assertThatThrownBy(() -> RemoteEngine.parse("libretranslate=http://x;pairs=english")).hasMessage("'english' is not a pair such as en-de");
    }

}
