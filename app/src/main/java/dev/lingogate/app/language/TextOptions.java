package dev.lingogate.app.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.app.http.HttpError;
import java.util.Optional;

/**
 * How a text is translated, beyond its languages: its format ({@code text} or {@code html}) and
 * whether the words the engine does not know are marked ({@code *}, {@code @}, {@code #}).
 * Lingogate's Translate takes both as its own headers on TranslateText; Amazon Translate ignores them.
 */
public record TextOptions(String format, boolean markUnknown) {

    public static final TextOptions DEFAULT = new TextOptions("text", false);

    /**
     * @param format      the {@code format} field as given, if any
     * @param markUnknown the {@code markUnknown} field as given, if any: a JSON boolean, or the
     *                    text {@code true}/{@code false} of a query parameter
     */
    public static TextOptions of(Optional<String> format, Optional<JsonNode> markUnknown) {
        String shape = format.orElse("text");
        if (!shape.equals("text") && !shape.equals("html")) {
            throw HttpError.badRequest("format must be \"text\" or \"html\"");
        }
        boolean marks = markUnknown.map(value -> {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
                return Boolean.parseBoolean(value.textValue());
            }
            throw HttpError.badRequest("markUnknown must be true or false");
        }).orElse(false);
        return new TextOptions(shape, marks);
    }
}
