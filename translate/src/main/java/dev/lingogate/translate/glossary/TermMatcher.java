package dev.lingogate.translate.glossary;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a glossary's source terms in a text: whole words, any letter case, the longest term first
 * where terms overlap ("Amazon Family" before "Amazon"). Built once per terminology version and
 * direction, as compiling the pattern of a large glossary costs more than matching it.
 */
public final class TermMatcher {

    private final Pattern pattern;
    private final Map<String, TermPair> bySource = new HashMap<>();

    public TermMatcher(List<TermPair> terms) {
        terms.forEach(term -> bySource.putIfAbsent(key(term.source()), term));
        String alternatives = bySource.values().stream()
                .map(TermPair::source)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + (alternatives.isEmpty() ? "(?!)" : alternatives) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    Pattern pattern() {
        return pattern;
    }

    /** The term a match stands for. */
    TermPair term(String matched) {
        return bySource.get(key(matched));
    }

    private static String key(String term) {
        return term.toLowerCase(Locale.ROOT);
    }
}
