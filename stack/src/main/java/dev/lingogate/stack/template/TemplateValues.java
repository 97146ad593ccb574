package dev.lingogate.stack.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A template's property values, read as what they must be; a value that is not is refused with
 * the path of the property it came from.
 */
final class TemplateValues {

    private TemplateValues() {
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
    }

    static boolean bool(Object value, String at) {
        if (value == null) {
            return false;
        }
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new TemplateException(at + " must be true or false, not " + value);
        };
    }

    static int integer(String text, String at) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(at + " must be a whole number, not " + text, e);
        }
    }

    static double decimal(String text, String at) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(at + " must be a number, not " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String at) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new TemplateException(at + " must be a map, not " + value);
        }
        return (Map<String, Object>) value;
    }
}
