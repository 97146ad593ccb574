package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.translate.model.DetectedLanguageLowConfidenceException;
import software.amazon.awssdk.services.translate.model.Formality;
import software.amazon.awssdk.services.translate.model.Language;
import software.amazon.awssdk.services.translate.model.ListLanguagesResponse;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TranslateException;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

class TranslateTextTest {

    private static TranslationEngine engine;
    private static RunningEdge edge;

    @BeforeAll
    static void start() {
        engine = TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 2,
                TranslateOptions.defaults().requestTimeout()).withoutCache());
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
    void englishIsTranslatedToSpanishAsApertiumDoes() {
        TranslateTextResponse answer = translate("The house is big.", "en", "es");

        assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translate("eng-spa", "The house is big."));
        assertThat(answer.sourceLanguageCode()).isEqualTo("en");
        assertThat(answer.targetLanguageCode()).isEqualTo("es");
    }

    @Test
    void htmlAskedForByHeaderComesBackWithItsMarkupAndEntities() {
        String html = "<p title=\"The big house\">The <b>big</b> house is <a href=\"x.html\">very nice</a>. Jos&eacute; &amp; "
                + "Ana.</p><!-- the house --><script>var house = \"the house\";</script>";

        String translated = edge.translate().translateText(r -> r.text(html).sourceLanguageCode("en").targetLanguageCode("es")
                .overrideConfiguration(c -> c.putHeader("X-Lingogate-Format", "html"))).translatedText();

        assertThat(translated).isEqualTo("<p title=\"" + ApertiumCli.translate("eng-spa", "The big house")
                + "\">La casa <b>grande</b> es <a href=\"x.html\">muy buena</a>. Jos&eacute; &amp; Ana.</p>"
                + "<!-- the house --><script>var house = \"the house\";</script>");
    }

    @Test
    void unknownWordsAreMarkedOnlyWhenAskedFor() {
        String text = "The xyzzy cat sings.";

        String marked = edge.translate().translateText(r -> r.text(text).sourceLanguageCode("en").targetLanguageCode("es")
                .overrideConfiguration(c -> c.putHeader("X-Lingogate-Mark-Unknown", "true"))).translatedText();

        assertThat(marked).isEqualTo(ApertiumCli.run(List.of("apertium", "eng-spa"), text)).contains("*xyzzy");
        assertThat(translate(text, "en", "es").translatedText()).isEqualTo(ApertiumCli.translate("eng-spa", text))
                .doesNotContain("*");
    }

    @Test
    void anUnknownFormatHeaderIsRejectedWithValidationException() {
        assertValidationError(() -> edge.translate().translateText(r -> r.text("Hello").sourceLanguageCode("en")
                        .targetLanguageCode("es").overrideConfiguration(c -> c.putHeader("X-Lingogate-Format", "xml"))),
                "1 validation error detected: Value 'xml' at 'X-Lingogate-Format' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [text, html]");
    }

    @Test
    void aMarkUnknownHeaderThatIsNoBooleanIsRejectedWithValidationException() {
        assertValidationError(() -> edge.translate().translateText(r -> r.text("Hello").sourceLanguageCode("en")
                        .targetLanguageCode("es").overrideConfiguration(c -> c.putHeader("X-Lingogate-Mark-Unknown", "yes"))),
                "1 validation error detected: Value 'yes' at 'X-Lingogate-Mark-Unknown' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [true, false]");
    }

    @Test
    void specialCharactersNewlinesTabsAndEmojiComeBackAsApertiumGivesThem() {
        String text = "Paths like C:\\temp\\[x] and ^x$ /b/ <c> @d {e}.\nA new line\tand a tab.\n\nA paragraph 😀 with emoji.  ";

        String translated = translate(text, "en", "es").translatedText();

        assertThat(translated).isEqualTo(ApertiumCli.translate("eng-spa", text));
        assertThat(translated).contains("\\temp\\[x]", "^x$", "/b/", "<c>", "@d", "{e}", "\t", "\n\n", "😀");
    }

    @Test
    void everyInstalledDirectionTranslates() {
        assertThat(translate("Hola, ¿cómo estás?", "es", "pt").translatedText())
                .isEqualTo(ApertiumCli.translate("es-pt", "Hola, ¿cómo estás?"));
        assertThat(translate("Je suis content.", "fr", "es").translatedText())
                .isEqualTo(ApertiumCli.translate("fr-es", "Je suis content."));
        assertThat(translate("The cat sleeps.", "en", "ca").translatedText())
                .isEqualTo(ApertiumCli.translate("eng-cat", "The cat sleeps."));
    }

    @Test
    void autoDetectsTheSourceLanguageAndAnswersIt() {
        TranslateTextResponse answer = translate("La casa es muy grande y tiene un jardín precioso.", "auto", "en");

        assertThat(answer.sourceLanguageCode()).isEqualTo("es");
        assertThat(answer.translatedText()).isEqualTo(
                ApertiumCli.translate("spa-eng", "La casa es muy grande y tiene un jardín precioso."));
    }

    @Test
    void autoDetectsAShortEverydaySentence() {
        TranslateTextResponse answer = translate("The house is big.", "auto", "es");

        assertThat(answer.sourceLanguageCode()).isEqualTo("en");
        assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translate("eng-spa", "The house is big."));
    }

    @Test
    void autoOnATextWithoutLanguageFailsWithLowConfidence() {
        assertThatThrownBy(() -> translate("12345 67890", "auto", "es"))
                .isInstanceOfSatisfying(DetectedLanguageLowConfidenceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DetectedLanguageLowConfidenceException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The confidence that the source language was detected correctly is low");
                });
    }

    @Test
    void sameSourceAndTargetAnswersTheTextUnchanged() {
        assertThat(translate("Nothing to do.", "en", "en").translatedText()).isEqualTo("Nothing to do.");
    }

    @Test
    void formalityIsAcceptedAndIgnoredAsForTargetsWithoutFormality() {
        TranslateTextResponse answer = edge.translate().translateText(r -> r.text("The house is big.")
                .sourceLanguageCode("en").targetLanguageCode("es").settings(s -> s.formality(Formality.FORMAL)));

        assertThat(answer.translatedText()).isEqualTo(ApertiumCli.translate("eng-spa", "The house is big."));
        assertThat(answer.appliedSettings()).isNull();
    }

    @Test
    void anUninstalledPairIsRejectedWithUnsupportedLanguagePair() {
        assertThatThrownBy(() -> translate("Hallo", "de", "es"))
                .isInstanceOfSatisfying(UnsupportedLanguagePairException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Unsupported language pair: de to es.");
                    assertThat(e.sourceLanguageCode()).isEqualTo("de");
                    assertThat(e.targetLanguageCode()).isEqualTo("es");
                });
    }

    @Test
    void textOverTenThousandBytesIsRejectedWithTextSizeLimitExceeded() {
        String text = "ñ".repeat(5_001);

        assertThatThrownBy(() -> translate(text, "es", "en"))
                .isInstanceOfSatisfying(TextSizeLimitExceededException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Input text size exceeds limit. "
                            + "Max length of request text allowed is 10000 bytes while in this request the text size is 10002 bytes");
                });
    }

    @Test
    void textOfExactlyTenThousandBytesIsTranslated() {
        String text = "The dog runs. ".repeat(714) + "Yes.";

        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(10_000);
        assertThat(translate(text, "en", "es").translatedText()).isEqualTo(ApertiumCli.translate("eng-spa", text));
    }

    @Test
    void emptyTextIsRejectedWithValidationException() {
        assertValidationError(() -> translate("", "en", "es"),
                "1 validation error detected: Value at 'text' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void languageCodesOfWrongLengthAreRejectedWithValidationException() {
        assertValidationError(() -> translate("Hello", "english", "e"),
                "2 validation errors detected: Value 'english' at 'sourceLanguageCode' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 5; Value 'e' at 'targetLanguageCode' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 2");
    }

    @Test
    void aMissingTargetLanguageIsRejectedWithValidationException() {
        assertValidationError(() -> edge.translate().translateText(r -> r.text("Hello").sourceLanguageCode("en")),
                "1 validation error detected: Value null at 'targetLanguageCode' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void anUnknownFormalityIsRejectedWithValidationException() {
        assertValidationError(() -> edge.translate().translateText(r -> r.text("Hello").sourceLanguageCode("en")
                        .targetLanguageCode("es").settings(s -> s.formality("POLITE"))),
                "1 validation error detected: Value 'POLITE' at 'settings.formality' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [FORMAL, INFORMAL]");
    }

    @Test
    void aCallerWithoutTranslatePermissionIsDenied() {
        assertThatThrownBy(() -> edge.deniedTranslate().translateText(r -> r.text("Hello")
                        .sourceLanguageCode("en").targetLanguageCode("es")))
                .isInstanceOfSatisfying(TranslateException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("translate:TranslateText");
                });
    }

    @Test
    void listLanguagesNamesEveryLanguageWeTranslate() {
        ListLanguagesResponse answer = edge.translate().listLanguages(r -> { });

        assertThat(answer.languages()).extracting(Language::languageCode).contains("ca", "en", "es", "fr", "pt");
        assertThat(answer.languages()).contains(Language.builder().languageCode("es").languageName("Spanish").build());
        assertThat(answer.displayLanguageCodeAsString()).isEqualTo("en");
    }

    @Test
    void listLanguagesNamesThemInTheDisplayLanguage() {
        ListLanguagesResponse answer = edge.translate().listLanguages(r -> r.displayLanguageCode("es"));

        assertThat(answer.languages()).contains(Language.builder().languageCode("en").languageName("Inglés").build());
    }

    private static void assertValidationError(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TranslateException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }
}
