package dev.lingogate.translate.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Tells which language a text is in, with scores that mean what Comprehend's mean: how likely each
 * candidate is. Three things stand between Lingua and a misfire:
 * <ul>
 * <li>Lingua knows only the languages it is given (its models take some 20 MB of heap each):
 *     the ones Lingogate translates or reaches, and a few common others, so that a German text is
 *     called German, not poor Dutch.</li>
 * <li>Lingua's confidence values are relative to its favourite, which always has 1.0, so they are
 *     turned into shares of the likelihood; where Lingua hesitates between languages that have an
 *     Apertium analyser ({@link Lexicon}), the share of the text's words each analyser knows
 *     weighs in.</li>
 * <li>A short text is weak evidence, whatever Lingua says ("hello handsome" is not 90% anything):
 *     its scores are scaled down by how far it is from {@value #CONFIDENT_LETTERS} letters.</li>
 * </ul>
 * The models load in the background from the moment the detector is made.
 */
public final class LanguageDetector implements AutoCloseable {

    /** Below this, scores are noise: Comprehend does not list them either. */
    private static final double LEAST_SCORE = 0.01;
    /** Comprehend lists a handful of candidates, not every language it knows. */
    private static final int MOST_CANDIDATES = 5;
    /**
     * How sharply Lingua's relative values separate the candidates: a runner-up at 0.98 of the
     * favourite keeps 45% of its weight, one at 0.9 some 1.5%. Chosen for these proportions, not fitted
     * to the accuracy corpus.
     */
    private static final double SHARPNESS = 40;
    /** Runners-up closer than this to the favourite are close calls worth asking the analysers about. */
    private static final double CLOSE_CALL = 0.85;
    /** How hard unknown words count against a candidate, relative to the best-covered one. */
    private static final double COVERAGE_WEIGHT = 8;
    /** Letters from which a text is long enough to be judged with full confidence. */
    static final int CONFIDENT_LETTERS = 30;

    private final CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua;
    private final Map<String, Lexicon> lexicons;

    private LanguageDetector(CompletableFuture<com.github.pemistahl.lingua.api.LanguageDetector> lingua,
            Map<String, Lexicon> lexicons) {
        this.lingua = lingua;
        this.lexicons = Map.copyOf(lexicons);
    }

    /** @param isoCodes ISO 639-1 codes; those Lingua does not know are left out */
    public static LanguageDetector loading(Set<String> isoCodes) {
        return loading(isoCodes, List.of());
    }

    /**
     * @param isoCodes ISO 639-1 codes; those Lingua does not know are left out
     * @param lexicons analysers of some of those languages, to settle Lingua's close calls; closed
     *                 with the detector
     */
    public static LanguageDetector loading(Set<String> isoCodes, List<Lexicon> lexicons) {
        Language[] languages = isoCodes.stream()
                .map(code -> Language.getByIsoCode639_1(isoCode(code)))
                .filter(language -> language != Language.UNKNOWN)
                .toArray(Language[]::new);
        Map<String, Lexicon> byLanguage = new HashMap<>();
        lexicons.forEach(lexicon -> byLanguage.putIfAbsent(lexicon.language(), lexicon));
        return new LanguageDetector(CompletableFuture.supplyAsync(
                () -> LanguageDetectorBuilder.fromLanguages(languages).withPreloadedLanguageModels().build()), byLanguage);
    }

    /**
     * The languages the text may be in, likeliest first, at most {@value #MOST_CANDIDATES}; empty
     * if it holds no word Lingua can weigh.
     */
    public List<LanguageScore> scores(String text) {
        Map<String, Double> weights = new HashMap<>();
        lingua.join().computeLanguageConfidenceValues(text).forEach((language, relative) ->
                weights.put(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT), Math.pow(relative, SHARPNESS)));
        weighCloseCallsByLexicon(text, weights);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double reliability = Math.min(1.0, letters(text) / (double) CONFIDENT_LETTERS);
        return weights.entrySet().stream()
                .map(entry -> new LanguageScore(entry.getKey(), entry.getValue() / total * reliability))
                .filter(score -> score.score() >= LEAST_SCORE)
                .sorted(Comparator.comparingDouble(LanguageScore::score).reversed())
                .limit(MOST_CANDIDATES)
                .toList();
    }

    private void weighCloseCallsByLexicon(String text, Map<String, Double> weights) {
        double closeCall = Math.pow(CLOSE_CALL, SHARPNESS);
        Map<String, Double> coverage = new HashMap<>();
        weights.forEach((language, weight) -> {
            Lexicon lexicon = lexicons.get(language);
            if (weight >= closeCall && lexicon != null) {
                lexicon.coverage(text).ifPresent(share -> coverage.put(language, share));
            }
        });
        if (coverage.size() < 2) {
            return;
        }
        double best = coverage.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (best == 0) {
            return;
        }
        coverage.forEach((language, share) -> weights.computeIfPresent(language,
                (key, weight) -> weight * Math.pow(share / best, COVERAGE_WEIGHT)));
    }

    /** A Chinese or Japanese character, or a Korean syllable, says as much as a few letters of an alphabet. */
    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter)
                .map(c -> Character.isIdeographic(c) || isSyllabic(c) ? 3 : 1)
                .sum();
    }

    private static boolean isSyllabic(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static IsoCode639_1 isoCode(String code) {
        try {
            return IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return IsoCode639_1.NONE;
        }
    }

    @Override
    public void close() {
        lexicons.values().forEach(Lexicon::close);
    }
}
