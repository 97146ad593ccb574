package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** AttributesToGet, the legacy projection: top-level attribute names, read as the ProjectionExpression they mean. */
public final class AttributesToGet {

    private AttributesToGet() {
    }

    /** The projection a list of names means; null when there is none. */
    public static Projection of(JsonNode names) {
        if (names == null || names.isNull()) {
            return null;
        }
        if (!names.isArray()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        if (names.isEmpty() || names.size() > 255) {
            throw new ValidationException("1 validation error detected: Value '" + names + "' at 'attributesToGet' failed to"
                    + " satisfy constraint: Member must have length " + (names.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to 255"));
        }
        List<Path> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode name : names) {
            if (!name.isTextual()) {
                throw new SerializationException(name.getNodeType() + "_VALUE cannot be converted to String");
            }
            if (!seen.add(name.textValue())) {
                throw ValidationException.invalidParameter("Duplicate value in attribute name: " + name.textValue());
            }
            paths.add(Path.of(name.textValue()));
        }
        return new Projection(paths);
    }
}
