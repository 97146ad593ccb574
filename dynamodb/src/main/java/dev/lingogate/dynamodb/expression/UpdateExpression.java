package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.DynamoNumber;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed UpdateExpression. Every value is computed from the item as it was before the update,
 * then the actions are applied: SET, REMOVE (list elements from the highest index down, so that
 * indexes mean what they meant in the original item), ADD, DELETE.
 *
 * @param typeMismatch what an ADD or DELETE on an attribute of another type fails with: AWS words
 *                     it one way for an UpdateExpression, another for the legacy AttributeUpdates
 */
public record UpdateExpression(List<UpdateAction> actions, String typeMismatch) {

    public static final String INCORRECT_DATA_TYPE = "An operand in the update expression has an incorrect data type";

    public UpdateExpression {
        actions = List.copyOf(actions);
    }

    public UpdateExpression(List<UpdateAction> actions) {
        this(actions, INCORRECT_DATA_TYPE);
    }

    /** The paths the update writes, which UPDATED_OLD and UPDATED_NEW return. */
    public List<Path> paths() {
        return actions.stream().map(UpdateAction::path).toList();
    }

    /** The item after the update; the original is left as it was. */
    public ObjectNode apply(ObjectNode original) {
        Map<UpdateAction, JsonNode> values = new LinkedHashMap<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                values.put(action, required(set.value(), original));
            } else if (action instanceof UpdateAction.Add add) {
                values.put(action, added(add.path().resolve(original), add.value().value(original)));
            } else if (action instanceof UpdateAction.Delete delete) {
                values.put(action, withoutElements(delete.path().resolve(original), delete.value().value(original)));
            }
        }
        ObjectNode updated = original.deepCopy();
        List<UpdateAction> removals = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Remove) {
                removals.add(action);
            }
        }
        removals.sort(Comparator.comparing((UpdateAction a) -> lastIndex(a.path())).reversed());
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set) {
                action.path().set(updated, values.get(action));
            }
        }
        removals.forEach(removal -> removal.path().remove(updated));
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Add) {
                action.path().set(updated, values.get(action));
            } else if (action instanceof UpdateAction.Delete) {
                JsonNode remaining = values.get(action);
                if (remaining == null) {
                    action.path().remove(updated);
                } else {
                    action.path().set(updated, remaining);
                }
            }
        }
        return updated;
    }

    private static int lastIndex(Path path) {
        Object last = path.elements().get(path.elements().size() - 1);
        return last instanceof Integer index ? index : -1;
    }

    /** ADD: a number's sum, a set's union or (only the legacy AttributeUpdates adds to a list) a list's concatenation. */
    private JsonNode added(JsonNode current, JsonNode addend) {
        if (current == null) {
            return addend;
        }
        String type = AttributeValue.type(current);
        if (!type.equals(AttributeValue.type(addend))) {
            throw new ValidationException(typeMismatch);
        }
        if (type.equals("N")) {
            return AttributeValue.n(DynamoNumber.parse(AttributeValue.number(current).add(AttributeValue.number(addend)).toString()));
        }
        if (type.equals("L")) {
            ArrayNode joined = ((ArrayNode) current.get("L")).deepCopy();
            joined.addAll((ArrayNode) addend.get("L"));
            return AttributeValue.JSON.objectNode().set("L", joined);
        }
        ArrayNode union = ((ArrayNode) current.get(type)).deepCopy();
        for (JsonNode element : addend.get(type)) {
            if (!AttributeValue.setContains(type, union, element.asText())) {
                union.add(element);
            }
        }
        return AttributeValue.JSON.objectNode().set(type, union);
    }

    /** The set without the given elements, or null when none remain (or there was no set). */
    private JsonNode withoutElements(JsonNode current, JsonNode removed) {
        if (current == null) {
            return null;
        }
        String type = AttributeValue.type(current);
        if (!type.equals(AttributeValue.type(removed))) {
            throw new ValidationException(typeMismatch);
        }
        ArrayNode remaining = AttributeValue.JSON.arrayNode();
        for (JsonNode element : current.get(type)) {
            if (!AttributeValue.setContains(type, removed.get(type), element.asText())) {
                remaining.add(element);
            }
        }
        return remaining.isEmpty() ? null : AttributeValue.JSON.objectNode().set(type, remaining);
    }

    static JsonNode required(Operand operand, JsonNode item) {
        JsonNode value = operand.value(item);
        if (value == null) {
            throw new ValidationException("The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    static ValidationException incorrectDataType() {
        return new ValidationException(INCORRECT_DATA_TYPE);
    }
}
