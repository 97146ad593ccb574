package dev.lingogate.app.language;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.comprehend.model.DominantLanguage;

/** Amazon Comprehend's DetectDominantLanguage, scored in percent and most likely first. */
public final class LanguageDetector {
    private final ComprehendClient comprehend;

    public LanguageDetector(ComprehendClient comprehend) {
        this.comprehend = comprehend;
    }

    public List<DetectedLanguage> detect(String text) {
        return comprehend.detectDominantLanguage(request -> request.text(text)).languages().stream()
                .sorted(Comparator.comparing(DominantLanguage::score, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(LanguageDetector::asPercent)
                .toList();
    }

    /** Comprehend scores 0..1; LibreTranslate clients expect 0..100, here to two decimals. */
    static DetectedLanguage asPercent(DominantLanguage language) {
        double score = language.score() == null ? 0 : language.score();
        return new DetectedLanguage(language.languageCode(), Math.round(score * 10_000) / 100.0);
    }
}
