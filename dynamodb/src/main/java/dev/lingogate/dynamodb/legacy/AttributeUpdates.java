package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Operand;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.expression.UpdateAction;
import dev.lingogate.dynamodb.expression.UpdateExpression;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AttributeUpdates, UpdateItem's legacy update: per attribute an Action (PUT, the default, ADD or
 * DELETE) and a Value, read as the UpdateExpression it means; unlike an expression's ADD, its ADD
 * also appends to a list.
 */
public final class AttributeUpdates {

    private static final Set<String> ADDABLE = Set.of("N", "SS", "NS", "BS", "L");
    private static final Set<String> SETS = Set.of("SS", "NS", "BS");

    private AttributeUpdates() {
    }

    /** The update an AttributeUpdates map means; null when there is none. */
    public static UpdateExpression of(JsonNode updates) {
        if (updates == null || updates.isNull()) {
            return null;
        }
        List<UpdateAction> actions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = updates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            actions.add(action(entry.getKey(), entry.getValue()));
        }
        return new UpdateExpression(actions, "Type mismatch for attribute to update");
    }

    private static UpdateAction action(String attribute, JsonNode update) {
        String action = action(update.get("Action"), attribute);
        JsonNode raw = update.get("Value");
        JsonNode value = raw == null || raw.isNull() ? null : AttributeValue.checked(raw);
        Path path = Path.of(attribute);
        if (value == null) {
            if (!action.equals("DELETE")) {
                throw ValidationException.invalidParameter("Only DELETE action is allowed when no attribute value is specified");
            }
            return new UpdateAction.Remove(path);
        }
        String type = AttributeValue.type(value);
        return switch (action) {
            case "DELETE" -> {
                if (!SETS.contains(type)) {
                    throw ValidationException.invalidParameter("DELETE action with value is not supported for the type " + type);
                }
                yield new UpdateAction.Delete(path, new Operand.Literal(value));
            }
            case "ADD" -> {
                if (!ADDABLE.contains(type)) {
                    throw ValidationException.invalidParameter("ADD action is not supported for the type " + type);
                }
                yield new UpdateAction.Add(path, new Operand.Literal(value));
            }
            default -> new UpdateAction.Set(path, new Operand.Literal(value));
        };
    }

    private static String action(JsonNode action, String attribute) {
        if (action == null || action.isNull()) {
            return "PUT";
        }
        if (!Set.of("ADD", "PUT", "DELETE").contains(action.asText())) {
            throw new ValidationException("1 validation error detected: Value '" + action.asText() + "' at 'attributeUpdates."
                    + attribute + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]");
        }
        return action.asText();
    }
}
