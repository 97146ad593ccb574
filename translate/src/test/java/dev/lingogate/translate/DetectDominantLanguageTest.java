package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.comprehend.model.ComprehendException;
import software.amazon.awssdk.services.comprehend.model.DetectDominantLanguageResponse;
import software.amazon.awssdk.services.comprehend.model.DominantLanguage;
import software.amazon.awssdk.services.comprehend.model.TextSizeLimitExceededException;

class DetectDominantLanguageTest {

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

    @Test
    void sentencesInSpanishCatalanFrenchPortugueseAndGermanAreRecognised() throws IOException {
        List<String[]> samples;
        try (InputStream in = getClass().getResourceAsStream("/detect.tsv")) {
            samples = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> line.split("\t", 2)).toList();
        }
        for (String[] sample : samples) {
            DetectDominantLanguageResponse answer = edge.comprehend().detectDominantLanguage(r -> r.text(sample[1]));

            assertThat(answer.languages().get(0).languageCode()).as(sample[1]).isEqualTo(sample[0]);
        }
    }

    @Test
    void languagesComeLikeliestFirstWithScoresBetweenZeroAndOne() {
        List<DominantLanguage> languages = edge.comprehend()
                .detectDominantLanguage(r -> r.text("Bonjour, je voudrais un café, s'il vous plaît.")).languages();

        assertThat(languages.get(0).languageCode()).isEqualTo("fr");
        assertThat(languages).extracting(DominantLanguage::score)
                .allSatisfy(score -> assertThat(score).isBetween(0f, 1f))
                .isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void aShortTextIsConfidentOnlyWhenADictionaryVouchesForEveryWord() {
        // LibreTranslate users saw "hello handsome" detected as Bengali at 90%.
        assertThat(topLanguage("hello handsome").languageCode()).isEqualTo("en");
        assertThat(topLanguage("The house is big.").score()).isGreaterThan(0.9f);
        assertThat(topLanguage("Bon dia a tothom.").languageCode()).isEqualTo("ca");
        assertThat(topLanguage("Bon dia a tothom.").score()).isGreaterThan(0.9f);
    }

    @Test
    void aShortTextWithAWordNoDictionaryKnowsIsNeverDetectedWithConfidence() {
        assertThat(edge.comprehend().detectDominantLanguage(r -> r.text("hello zworbly")).languages())
                .allSatisfy(language -> assertThat(language.score()).isLessThan(0.5f));
        // German has no analyser here: a short German text stays a guess.
        assertThat(topLanguage("Guten Morgen").score()).isLessThan(0.5f);
    }

    private DominantLanguage topLanguage(String text) {
        return edge.comprehend().detectDominantLanguage(r -> r.text(text)).languages().get(0);
    }

    @Test
    void aSentenceLongEnoughIsDetectedWithHighConfidence() {
        List<DominantLanguage> languages = edge.comprehend()
                .detectDominantLanguage(r -> r.text("El servidor no és un servidor de confiança per a aquesta connexió.")).languages();

        assertThat(languages.get(0).languageCode()).isEqualTo("ca");
        assertThat(languages.get(0).score()).isGreaterThan(0.9f);
    }

    @Test
    void severalCandidatesAreListedWhenTheTextCouldBeEither() {
        List<DominantLanguage> languages = edge.comprehend()
                .detectDominantLanguage(r -> r.text("Comando per ottenere la passphrase per SSL.")).languages();

        assertThat(languages).hasSizeBetween(2, 5);
        assertThat(languages).extracting(DominantLanguage::languageCode).contains("it");
    }

    @Test
    void aTextWithoutWordsHasNoLanguage() {
        assertThat(edge.comprehend().detectDominantLanguage(r -> r.text("12345 !!")).languages()).isEmpty();
    }

    @Test
    void emptyTextIsRejectedWithValidationException() {
        assertThatThrownBy(() -> edge.comprehend().detectDominantLanguage(r -> r.text("")))
                .isInstanceOfSatisfying(ComprehendException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at 'text' "
                            + "failed to satisfy constraint: Member must have length greater than or equal to 1");
                });
    }

    @Test
    void textOverOneHundredKilobytesIsRejectedWithTextSizeLimitExceeded() {
        String text = "hello ".repeat(16_667);

        assertThatThrownBy(() -> edge.comprehend().detectDominantLanguage(r -> r.text(text)))
                .isInstanceOfSatisfying(TextSizeLimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Input text size exceeds limit. "
                            + "Max length of request text allowed is 100000 bytes while in this request the text size is 100002 bytes");
                });
    }

    @Test
    void aCallerWithoutComprehendPermissionIsDenied() {
        assertThatThrownBy(() -> edge.deniedComprehend().detectDominantLanguage(r -> r.text("Hola")))
                .isInstanceOfSatisfying(ComprehendException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("comprehend:DetectDominantLanguage");
                });
    }
}
