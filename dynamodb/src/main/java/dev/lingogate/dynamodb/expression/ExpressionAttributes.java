package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's ExpressionAttributeNames and ExpressionAttributeValues, shared by all of its
 * expressions, remembering which were used: DynamoDB rejects a request that defines one no
 * expression uses.
 */
public final class ExpressionAttributes {

    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Set<String> unusedNames;
    private final Set<String> unusedValues;

    /** @param names the request's ExpressionAttributeNames or null; likewise values */
    public ExpressionAttributes(JsonNode names, JsonNode values) {
        if (placeholdersGiven("ExpressionAttributeNames", names, NAME_KEY)) {
            names.fields().forEachRemaining(field -> {
                if (!field.getValue().isTextual()) {
                    throw new SerializationException(field.getValue().getNodeType() + "_VALUE cannot be converted to String");
                }
                this.names.put(field.getKey(), field.getValue().textValue());
            });
        }
        if (placeholdersGiven("ExpressionAttributeValues", values, VALUE_KEY)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                try {
                    this.values.put(field.getKey(), AttributeValue.checked(field.getValue()));
                } catch (ValidationException e) {
                    throw new ValidationException("ExpressionAttributeValues contains invalid value: " + e.getMessage()
                            + " for key " + field.getKey());
                }
            }
        }
        unusedNames = new LinkedHashSet<>(this.names.keySet());
        unusedValues = new LinkedHashSet<>(this.values.keySet());
    }

    /**
     * Whether the request gives {@code member} (null counts as absent); if it does, it must be a map,
     * not empty, and every key a placeholder expressions can write: checked for all keys before any
     * value is.
     */
    private static boolean placeholdersGiven(String member, JsonNode map, Pattern key) {
        if (map == null || map.isNull()) {
            return false;
        }
        if (!map.isObject()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        if (map.isEmpty()) {
            throw new ValidationException(member + " must not be empty");
        }
        for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!key.matcher(name).matches()) {
                throw new ValidationException(member + " contains invalid key: Syntax error; key: \"" + name + "\"");
            }
        }
        return true;
    }

    public static ExpressionAttributes none() {
        return new ExpressionAttributes(null, null);
    }

    /** The name a {@code #placeholder} stands for, or null when it is not defined. */
    String name(String placeholder) {
        String name = names.get(placeholder);
        if (name != null) {
            unusedNames.remove(placeholder);
        }
        return name;
    }

    /** The value a {@code :placeholder} stands for, or null when it is not defined. */
    JsonNode value(String placeholder) {
        JsonNode value = values.get(placeholder);
        if (value != null) {
            unusedValues.remove(placeholder);
        }
        return value;
    }

    /** Fails if a name or value was defined but no expression of the request used it. */
    public void checkAllUsed() {
        if (!unusedNames.isEmpty()) {
            throw new ValidationException("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        if (!unusedValues.isEmpty()) {
            throw new ValidationException("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
