package dev.lingogate.app.languages;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.translate.model.Language;

/**
 * LibreTranslate's /languages answer built from Translate's ListLanguages. ListLanguages names
 * languages, not pairs, and Amazon Translate documents translation between any two languages it
 * supports, so every other listed language is offered as a target. "auto" is a source
 * option, not a language, and is left out.
 */
final class LanguageList {
    record Entry(String code, String name, List<String> targets) {
    }

    private LanguageList() {
    }

    static List<Entry> from(List<Language> languages) {
        List<Language> real = languages.stream()
                .filter(language -> !"auto".equals(language.languageCode()))
                .sorted(Comparator.comparing(Language::languageCode))
                .distinct()
                .toList();
        return real.stream()
                .map(language -> new Entry(language.languageCode(), language.languageName(), real.stream()
                        .map(Language::languageCode)
                        .filter(code -> !code.equals(language.languageCode()))
                        .toList()))
                .toList();
    }
}
