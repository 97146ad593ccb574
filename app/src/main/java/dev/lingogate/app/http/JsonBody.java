package dev.lingogate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The fields of a JSON request body, each read with an error that names the field. */
public final class JsonBody {
    private final ObjectNode object;

    JsonBody(ObjectNode object) {
        this.object = object;
    }

    /** A string that must be present and not blank. */
    public String requiredString(String field) {
        return optionalString(field)
                .orElseThrow(() -> HttpError.badRequest(field + " is required"));
    }

    public String optionalString(String field, String fallback) {
        return optionalString(field).orElse(fallback);
    }

    /** Absent and null mean "not given"; a blank or non-string value is a mistake worth naming. */
    public Optional<String> optionalString(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw HttpError.badRequest(field + " must be a string");
        }
        String value = node.textValue();
        if (value.isBlank()) {
            throw HttpError.badRequest(field + " must not be empty");
        }
        return Optional.of(value);
    }

    /** The raw value, for fields that may take more than one shape (LibreTranslate's q). */
    public Optional<JsonNode> field(String field) {
        return Optional.ofNullable(object.get(field)).filter(node -> !node.isNull());
    }
}
