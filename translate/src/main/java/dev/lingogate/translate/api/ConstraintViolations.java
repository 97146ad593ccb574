package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a request against its operation's shape before the operation runs, and words what is
 * wrong as AWS's request validation does: {@code 1 validation error detected: Value '' at 'text'
 * failed to satisfy constraint: Member must have length greater than or equal to 1}.
 */
final class ConstraintViolations {

    private final List<String> violations = new ArrayList<>();

    /** A required string member: present, a string, and within its length bounds. */
    ConstraintViolations requiredString(JsonNode input, String member, int minLength, int maxLength, boolean sensitive) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            violations.add("Value null at '" + path(member) + "' failed to satisfy constraint: Member must not be null");
            return this;
        }
        return optionalString(input, member, minLength, maxLength, sensitive);
    }

    ConstraintViolations optionalString(JsonNode input, String member, int minLength, int maxLength, boolean sensitive) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return this;
        }
        if (!value.isTextual()) {
            throw new AwsException(400, "SerializationException",
                    "STRING_VALUE can not be converted to " + member + ": expected a string");
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        String shown = sensitive ? "Value" : "Value '" + value.asText() + "'";
        if (length < minLength) {
            violations.add(shown + " at '" + path(member) + "' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to " + minLength);
        } else if (length > maxLength) {
            violations.add(shown + " at '" + path(member) + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + maxLength);
        }
        return this;
    }

    /** An optional member whose value must be one of an enumeration. */
    ConstraintViolations oneOf(JsonNode input, String path, String member, List<String> allowed) {
        JsonNode value = input == null ? null : input.get(member);
        if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
            violations.add("Value '" + value.asText() + "' at '" + path + "' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    /** A required member of any type, at a path such as {@code terminologyData.file}. */
    ConstraintViolations required(JsonNode input, String path, String member) {
        JsonNode value = input == null ? null : input.get(member);
        if (value == null || value.isNull()) {
            violations.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** An optional string member that must match a regular expression, as resource names must. */
    ConstraintViolations pattern(JsonNode input, String member, String regex) {
        JsonNode value = input.get(member);
        if (value != null && value.isTextual() && !value.asText().matches(regex)) {
            violations.add("Value '" + value.asText() + "' at '" + path(member) + "' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: " + regex);
        }
        return this;
    }

    /** An optional blob member no longer than {@code maxBytes}. */
    ConstraintViolations blob(JsonNode input, String path, String member, int maxBytes) {
        JsonNode value = input == null ? null : input.get(member);
        if (value != null && !value.isNull() && Blob.bytes(value, path).length > maxBytes) {
            violations.add("Value at '" + path + "' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + maxBytes);
        }
        return this;
    }

    /** An optional integer member within bounds. */
    ConstraintViolations range(JsonNode input, String member, int min, int max) {
        JsonNode value = input.get(member);
        if (value != null && !value.isNull() && (!value.canConvertToInt() || value.asInt() < min || value.asInt() > max)) {
            violations.add("Value '" + value.asText() + "' at '" + path(member) + "' failed to satisfy constraint: Member must have value "
                    + (value.asInt() < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return this;
    }

    /** Fails the request with a {@code ValidationException} if anything was wrong. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        String count = violations.size() == 1 ? "1 validation error detected: "
                : violations.size() + " validation errors detected: ";
        throw new AwsException(400, "ValidationException", count + String.join("; ", violations));
    }

    /** AWS names members in messages in lower camel case: {@code SourceLanguageCode} is {@code sourceLanguageCode}. */
    static String path(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
