package dev.lingogate.app.language;

import dev.lingogate.app.http.HttpError;
import java.util.regex.Pattern;

/**
 * Checks the shape of a language code before it reaches Translate: "en", "pt-PT", "zh-TW" pass,
 * "auto" only where detection is allowed. Whether a well-formed code is actually supported is
 * Translate's to say (UnsupportedLanguagePairException).
 */
public final class LanguageCode {
    public static final String AUTO = "auto";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,4})?");

    private LanguageCode() {
    }

    public static String source(String field, String code) {
        if (AUTO.equals(code)) {
            return code;
        }
        return check(field, code, "such as \"en\", or \"auto\" to detect it");
    }

    public static String target(String field, String code) {
        if (AUTO.equals(code)) {
            throw HttpError.badRequest(field + " must name a language; \"auto\" is only allowed for the source");
        }
        return check(field, code, "such as \"en\"");
    }

    private static String check(String field, String code, String example) {
        if (!SHAPE.matcher(code).matches()) {
            throw HttpError.badRequest(field + " must be a language code " + example + ", not \"" + shorten(code) + "\"");
        }
        return code;
    }

    /** Echo the client's value, but never a whole essay of it. */
    private static String shorten(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
