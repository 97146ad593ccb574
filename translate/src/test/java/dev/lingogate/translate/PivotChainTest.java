package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.routing.Chain;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.model.Language;
import software.amazon.awssdk.services.translate.model.ListLanguagesResponse;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

class PivotChainTest {

    private static TranslationEngine engine;
    private static RunningEdge edge;

    @BeforeAll
    static void start() {
        engine = TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 1,
                TranslateOptions.defaults().requestTimeout()));
        edge = new RunningEdge(engine.services());
    }

    @AfterAll
    static void stop() {
        edge.close();
        engine.close();
    }

    private static TranslateTextResponse translate(String text, String source, String target) {
        return edge.translate().translateText(r -> r.text(text).sourceLanguageCode(source).targetLanguageCode(target));
    }

    @Test
    void catalanToSpanishGoesThroughEnglishAsPipingApertiumDoes() {
        String text = "El gat dorm a la casa gran.\n\nLa nena llegeix un llibre.";

        TranslateTextResponse answer = translate(text, "ca", "es");

        assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translateThrough(text, "cat-eng", "eng-spa"));
        assertThat(answer.sourceLanguageCode()).isEqualTo("ca");
        assertThat(answer.targetLanguageCode()).isEqualTo("es");
    }

    @Test
    void portugueseToEnglishGoesThroughSpanish() {
        String text = "A casa é muito bonita e tem um jardim grande.";

        assertThat(translate(text, "pt", "en").translatedText())
                .isEqualTo(ApertiumCli.translateThrough(text, "pt-es", "spa-eng"));
    }

    @Test
    void catalanToPortugueseTakesTheThreeStepChain() {
        String text = "El meu germà viu a Barcelona.";

        assertThat(translate(text, "ca", "pt").translatedText())
                .isEqualTo(ApertiumCli.translateThrough(text, "cat-eng", "eng-spa", "es-pt"));
        assertThat(engine.reachablePairs().get(new LanguagePair("ca", "pt")).languages()).containsExactly("ca", "en", "es", "pt");
    }

    @Test
    void reachablePairsTellWhichAreDirectAndWhichChained() {
        Map<LanguagePair, Chain> reachable = engine.reachablePairs();

        assertThat(reachable.get(new LanguagePair("en", "es")).isDirect()).isTrue();
        assertThat(reachable.get(new LanguagePair("es", "pt")).isDirect()).isTrue();
        assertThat(reachable.get(new LanguagePair("ca", "es"))).hasToString("ca→en→es")
                .satisfies(chain -> assertThat(chain.isDirect()).isFalse());
        assertThat(reachable.get(new LanguagePair("fr", "en"))).hasToString("fr→es→en");
        List<String> languages = List.of("ca", "en", "es", "fr", "pt");
        for (String source : languages) {
            for (String target : languages) {
                if (!source.equals(target)) {
                    assertThat(reachable).as(source + "-" + target).containsKey(new LanguagePair(source, target));
                }
            }
        }
    }

    @Test
    void theEngineTellsWhichChainTranslatedAText() {
        var translation = engine.translate(new LanguagePair("fr", "ca"), "Le chat dort.");

        assertThat(translation.chain()).hasToString("fr→es→en→ca");
        assertThat(translation.text()).isEqualTo(ApertiumCli.translateThrough("Le chat dort.", "fr-es", "spa-eng", "eng-cat"));
    }

    @Test
    void aPivotedPairReportsTheChainItWentThroughInAHeader() {
        TranslateTextResponse answer = translate("El meu germà viu a Barcelona.", "ca", "pt");

        assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Chain")).hasValue("ca>en>es>pt");
        assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Engine")).hasValue("apertium");
    }

    @Test
    void aDirectPairReportsItsOneMode() {
        TranslateTextResponse answer = translate("The house is big.", "en", "es");

        assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Chain")).hasValue("en>es");
    }

    @Test
    void textLeftInItsOwnLanguageReportsNoChain() {
        TranslateTextResponse answer = translate("The house is big.", "en", "en");

        assertThat(answer.translatedText()).isEqualTo("The house is big.");
        assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Chain")).isEmpty();
        assertThat(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Engine")).isEmpty();
    }

    @Test
    void aFailedTranslationReportsNoChainAndLeavesNothingForTheNextCall() {
        assertThatThrownBy(() -> translate("Hallo", "de", "es")).isInstanceOf(UnsupportedLanguagePairException.class);

        assertThat(translate("Hola.", "es", "en").sdkHttpResponse().firstMatchingHeader("X-Lingogate-Chain")).hasValue("es>en");
    }

    @Test
    void listLanguagesReportsEveryReachablePairWithItsChain() {
        ListLanguagesResponse answer = edge.translate().listLanguages(r -> { });

        List<String> pairs = List.of(answer.sdkHttpResponse().firstMatchingHeader("X-Lingogate-Pairs").orElseThrow().split(", "));
        assertThat(pairs).hasSize(20).contains("en>es", "es>pt", "ca>en", "ca>en>es", "ca>en>es>pt", "fr>es>en")
                .doesNotHaveDuplicates();
        assertThat(pairs).filteredOn(chain -> chain.split(">").length == 2)
                .containsExactlyInAnyOrderElementsOf(engine.pairs().stream().map(pair -> pair.source() + ">" + pair.target()).toList());
    }

    @Test
    void theAwsJsonProtocolReportsTheChainToo() throws Exception {
        Process curl = new ProcessBuilder("curl", "-s", "-D", "-", "-o", "/dev/null", "--aws-sigv4", "aws:amz:us-east-1:translate",
                "--user", "AKIDTEST:test-secret", "-H", "Content-Type: application/x-amz-json-1.1",
                "-H", "X-Amz-Target: AWSShineFrontendService_20170701.TranslateText",
                "--data", "{\"Text\":\"El gat dorm.\",\"SourceLanguageCode\":\"ca\",\"TargetLanguageCode\":\"es\"}",
                edge.endpoint() + "/").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(headers).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Lingogate-Chain: ca>en>es\r\n");
    }

    @Test
    void listLanguagesStillListsLanguagesOnce() {
        assertThat(edge.translate().listLanguages(r -> { }).languages()).extracting(Language::languageCode)
                .containsExactly("ca", "en", "es", "fr", "pt");
    }
}
