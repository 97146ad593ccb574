package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.language.LanguagePair;
import dev.lingogate.translate.routing.Chain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.model.Language;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;

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
    void listLanguagesStillListsLanguagesOnce() {
        assertThat(edge.translate().listLanguages(r -> { }).languages()).extracting(Language::languageCode)
                .containsExactly("ca", "en", "es", "fr", "pt");
    }
}
