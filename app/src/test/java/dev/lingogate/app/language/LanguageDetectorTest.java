package dev.lingogate.app.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.app.http.JsonResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.comprehend.model.DominantLanguage;

class LanguageDetectorTest {

    @Test
    void comprehendsScoreBecomesAPercentage() {
        DetectedLanguage detected = LanguageDetector.asPercent(DominantLanguage.builder().languageCode("en").score(0.975f).build());
        assertThat(detected).isEqualTo(new DetectedLanguage("en", 97.5));
    }

    @Test
    void aDetectionIsAnsweredInLibreTranslatesShape() {
        assertThat(JsonResponse.of(200, java.util.List.of(new DetectedLanguage("en", 97.5))).getBody())
                .isEqualTo("[{\"language\":\"en\",\"confidence\":97.5}]");
    }

    @Test
    void aMissingScoreIsNoConfidence() {
        assertThat(LanguageDetector.asPercent(DominantLanguage.builder().languageCode("fr").build()).confidence()).isZero();
    }
}
