package dev.lingogate.translate.language;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ISO 639-1 language codes, the ones Amazon Translate and Comprehend speak ({@code en}, {@code es}),
 * and the codes Apertium's pairs are named with, which mix ISO 639-1 ({@code fr-es}) and
 * ISO 639-3 ({@code eng-spa}).
 */
public final class IsoLanguage {

    private static final Map<String, String> BY_THREE_LETTERS = Stream.of(Locale.getISOLanguages())
            .filter(code -> code.length() == 2)
            .collect(Collectors.toMap(code -> new Locale(code).getISO3Language(), Function.identity(), (a, b) -> a));

    private IsoLanguage() {
    }

    /** The ISO 639-1 code of an Apertium language code, e.g. {@code spa} and {@code es} give {@code es}. */
    public static Optional<String> ofApertiumCode(String code) {
        if (code.length() == 2) {
            return isKnown(code) ? Optional.of(code) : Optional.empty();
        }
        return Optional.ofNullable(BY_THREE_LETTERS.get(code));
    }

    /** The language's name in the display language, e.g. {@code es} in {@code en} is {@code Spanish}. */
    public static String name(String code, String displayLanguage) {
        Locale display = Locale.forLanguageTag(displayLanguage);
        String name = Locale.forLanguageTag(code).getDisplayLanguage(display);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(display) + name.substring(1);
    }

    private static boolean isKnown(String code) {
        return BY_THREE_LETTERS.containsValue(code);
    }
}
