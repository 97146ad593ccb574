package dev.lingogate.app.languages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.translate.model.Language;

/**
 * LibreTranslate's /languages answer built from Translate's ListLanguages, with Lingogate's
 * {@code direct} beside LibreTranslate's {@code targets}: the targets one engine translates into
 * without a pivot language. Clients that know only LibreTranslate's shape read {@code targets} and
 * never notice.
 *
 * <p>ListLanguages names languages, not pairs. Lingogate's engine adds the pairs in its
 * {@code X-Lingogate-Pairs} header, each written as the chain that serves it ({@code ca>en>es>pt});
 * Amazon Translate documents translation between any two languages it supports, so without that
 * header every other listed language is a target, and a direct one. "auto" is a source option,
 * not a language, and is left out.
 */
final class LanguageList {
    /** @param direct the targets reached without a pivot language, a subset of {@code targets} */
    record Entry(String code, String name, List<String> targets, List<String> direct) {
    }

    private LanguageList() {
    }

    /** @param pairs the engine's {@code X-Lingogate-Pairs} header, if it sent one */
    static List<Entry> from(List<Language> languages, Optional<String> pairs) {
        Map<String, String> names = new TreeMap<>();
        languages.stream().filter(language -> !"auto".equals(language.languageCode()))
                .forEach(language -> names.putIfAbsent(language.languageCode(), language.languageName()));
        if (pairs.isEmpty()) {
            return names.entrySet().stream().map(language -> {
                List<String> others = names.keySet().stream().filter(code -> !code.equals(language.getKey())).toList();
                return new Entry(language.getKey(), language.getValue(), others, others);
            }).toList();
        }
        Map<String, Set<String>> targets = new TreeMap<>();
        Map<String, Set<String>> direct = new TreeMap<>();
        for (String chain : pairs.get().split(",")) {
            List<String> steps = List.of(chain.trim().split(">"));
            if (steps.size() < 2) {
                continue;
            }
            String source = steps.get(0);
            String target = steps.get(steps.size() - 1);
            targets.computeIfAbsent(source, code -> new TreeSet<>()).add(target);
            if (steps.size() == 2) {
                direct.computeIfAbsent(source, code -> new TreeSet<>()).add(target);
            }
        }
        return names.entrySet().stream()
                .map(language -> new Entry(language.getKey(), language.getValue(),
                        List.copyOf(targets.getOrDefault(language.getKey(), Set.of())),
                        List.copyOf(direct.getOrDefault(language.getKey(), Set.of()))))
                .toList();
    }
}
