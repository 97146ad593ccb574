package dev.lingogate.translate.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Tells which language a text is in, with Lingua. Lingua's models take about 20 MB of heap per
 * language (over 1 GB for all 75), so it knows only the languages it is given: those Lingogate
 * translates and a few common others, so that a German text is called German, not poor Dutch.
 * The models load in the background from the moment the detector is made.
 */
public final class LanguageDetector {

    /** Below this, scores are noise: Comprehend does not list them either. */
    private static final double LEAST_SCORE = 0.01;

    private final CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua;

    private LanguageDetector(CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua) {
        this.lingua = lingua;
    }

    /** @param isoCodes ISO 639-1 codes; those Lingua does not know are left out */
    public static LanguageDetector loading(Set<String> isoCodes) {
        Language[] languages = isoCodes.stream()
                .map(code -> Language.getByIsoCode639_1(isoCode(code)))
                .filter(language -> language != Language.UNKNOWN)
                .toArray(Language[]::new);
        return new LanguageDetector(CompletableFuture.supplyAsync(
                () -> LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels().build()));
    }

    /** The languages the text may be in, likeliest first; empty if it holds no word Lingua can weigh. */
    public List<LanguageScore> scores(String text) {
        return lingua.join().computeLanguageConfidenceValues(text).entrySet().stream()
                .filter(entry -> entry.getValue() >= LEAST_SCORE)
                .map(entry -> new LanguageScore(
                        entry.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), entry.getValue()))
                .sorted(Comparator.comparingDouble(LanguageScore::score).reversed())
                .toList();
    }

    private static IsoCode639_1 isoCode(String code) {
        try {
            return IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return IsoCode639_1.NONE;
        }
    }
}
