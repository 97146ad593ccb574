package dev.lingogate.translate.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

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
 * <li>A short text is weak evidence, whatever Lingua says (LibreTranslate's users saw "hello
 *     handsome" called Bengali at 90%): its scores are scaled down by how far it is from
 *     {@value #CONFIDENT_LETTERS} letters, unless a dictionary vouches for it: every word of it is
 *     known to the favourite's analyser and no other analyser knows them all ("The house is big."
 *     is English beyond doubt, however short).</li>
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
    /** A single word is too little for a dictionary to vouch for: "no" is a word of four languages. */
    private static final int LEAST_WORDS_VOUCHED_FOR = 2;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

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
        Coverage coverage = new Coverage(text);
        weighCloseCallsByLexicon(coverage, weights);
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double reliability = reliability(text, favourite(weights), coverage);
        return weights.entrySet().stream()
                .map(entry -> new LanguageScore(entry.getKey(), entry.getValue() / total * reliability))
                .filter(score -> score.score() >= LEAST_SCORE)
                .sorted(Comparator.comparingDouble(LanguageScore::score).reversed())
                .limit(MOST_CANDIDATES)
                .toList();
    }

    private void weighCloseCallsByLexicon(Coverage coverage, Map<String, Double> weights) {
        double closeCall = Math.pow(CLOSE_CALL, SHARPNESS);
        Map<String, Double> shares = new HashMap<>();
        weights.forEach((language, weight) -> {
            if (weight >= closeCall) {
                coverage.of(language).ifPresent(share -> shares.put(language, share));
            }
        });
        if (shares.size() < 2) {
            return;
        }
        double best = shares.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (best == 0) {
            return;
        }
        shares.forEach((language, share) -> weights.computeIfPresent(language,
                (key, weight) -> weight * Math.pow(share / best, COVERAGE_WEIGHT)));
    }

    private double reliability(String text, Optional<String> favourite, Coverage coverage) {
        double byLength = Math.min(1.0, letters(text) / (double) CONFIDENT_LETTERS);
        return byLength < 1.0 && vouchedForByDictionary(text, favourite, coverage) ? 1.0 : byLength;
    }

    private static Optional<String> favourite(Map<String, Double> weights) {
        return weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Every word known to the favourite's analyser, and to no other analyser all of them. */
    private boolean vouchedForByDictionary(String text, Optional<String> favourite, Coverage coverage) {
        if (favourite.isEmpty() || WORD.matcher(text).results().count() < LEAST_WORDS_VOUCHED_FOR
                || !coverage.knowsEveryWord(favourite.get())) {
            return false;
        }
        return lexicons.keySet().stream()
                .filter(language -> !language.equals(favourite.get()))
                .noneMatch(coverage::knowsEveryWord);
    }

    /** The analysers' coverage of one text, each asked at most once. */
    private final class Coverage {
        private final String text;
        private final Map<String, Optional<Double>> byLanguage = new HashMap<>();

        Coverage(String text) {
            this.text = text;
        }

        Optional<Double> of(String language) {
            Lexicon lexicon = lexicons.get(language);
            return lexicon == null ? Optional.empty() : byLanguage.computeIfAbsent(language, key -> lexicon.coverage(text));
        }

        boolean knowsEveryWord(String language) {
            return of(language).map(share -> share == 1.0).orElse(false);
        }
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
