package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.List;

/**
 * A document path such as {@code a.b[2].c}: attribute and map key names (String) and list indexes
 * (Integer), placeholders already replaced by the names they stand for.
 */
public record Path(List<Object> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public static Path of(String attribute) {
        return new Path(List.of(attribute));
    }

    public String topLevelName() {
        return (String) elements.get(0);
    }

    public boolean isNested() {
        return elements.size() > 1;
    }

    /** Whether one path is the other or leads into it, which DynamoDB forbids in one expression. */
    boolean overlaps(Path other) {
        int common = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    /** Whether, where the paths first part, one takes a list index and the other a map key. */
    boolean conflicts(Path other) {
        int common = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < common; i++) {
            Object mine = elements.get(i);
            Object theirs = other.elements.get(i);
            if (mine instanceof Integer != theirs instanceof Integer) {
                return true;
            }
            if (!mine.equals(theirs)) {
                return false;
            }
        }
        return false;
    }

    /** The value at this path in an item, or null when the item has none there. */
    public JsonNode resolve(JsonNode item) {
        JsonNode node = item.get(topLevelName());
        for (int i = 1; i < elements.size() && node != null; i++) {
            node = step(node, elements.get(i));
        }
        return node;
    }

    private static JsonNode step(JsonNode value, Object element) {
        if (element instanceof String name) {
            JsonNode map = value.get("M");
            return map == null ? null : map.get(name);
        }
        JsonNode list = value.get("L");
        return list == null ? null : list.get((Integer) element);
    }

    /** Sets the value at this path in a mutable item; the path's parent must exist. */
    void set(ObjectNode item, JsonNode value) {
        if (!isNested()) {
            item.set(topLevelName(), value);
            return;
        }
        JsonNode parent = parent().resolve(item);
        Object last = elements.get(elements.size() - 1);
        if (last instanceof String name && parent != null && parent.get("M") instanceof ObjectNode map) {
            map.set(name, value);
        } else if (last instanceof Integer index && parent != null && parent.get("L") instanceof ArrayNode list) {
            if (index < list.size()) {
                list.set(index, value);
            } else {
                list.add(value);
            }
        } else {
            throw new ValidationException("The document path provided in the update expression is invalid for update");
        }
    }

    /** Removes the value at this path from a mutable item, if there is one. */
    void remove(ObjectNode item) {
        if (!isNested()) {
            item.remove(topLevelName());
            return;
        }
        JsonNode parent = parent().resolve(item);
        Object last = elements.get(elements.size() - 1);
        if (last instanceof String name && parent != null && parent.get("M") instanceof ObjectNode map) {
            map.remove(name);
        } else if (last instanceof Integer index && parent != null && parent.get("L") instanceof ArrayNode list) {
            if (index < list.size()) {
                list.remove(index.intValue());
            }
        } else if (parent != null) {
            throw new ValidationException("The document path provided in the update expression is invalid for update");
        }
    }

    /**
     * Copies the value at this path from an item into a projection being built, keeping the
     * structure around it; list elements picked by index keep their relative order.
     */
    void copyInto(JsonNode item, ObjectNode projection) {
        JsonNode value = item.get(topLevelName());
        if (value == null) {
            return;
        }
        if (!isNested()) {
            projection.set(topLevelName(), value);
            return;
        }
        JsonNode target = projection.get(topLevelName());
        if (target == null) {
            target = emptyLike(value);
            if (target == null) {
                return;
            }
            projection.set(topLevelName(), target);
        }
        copyRest(value, target, 1);
        if (isEmptyContainer(projection.get(topLevelName()))) {
            projection.remove(topLevelName());
        }
    }

    private void copyRest(JsonNode source, JsonNode target, int at) {
        Object element = elements.get(at);
        JsonNode child = step(source, element);
        if (child == null || !AttributeValue.type(source).equals(AttributeValue.type(target))) {
            return;
        }
        boolean last = at == elements.size() - 1;
        if (element instanceof String name) {
            ObjectNode map = (ObjectNode) target.get("M");
            JsonNode existing = map.get(name);
            if (last) {
                map.set(name, child);
            } else {
                if (existing == null) {
                    existing = emptyLike(child);
                    if (existing == null) {
                        return;
                    }
                    map.set(name, existing);
                }
                copyRest(child, existing, at + 1);
                if (isEmptyContainer(existing)) {
                    map.remove(name);
                }
            }
        } else {
            ArrayNode list = (ArrayNode) target.get("L");
            if (last) {
                list.add(child);
            } else {
                JsonNode next = emptyLike(child);
                if (next != null) {
                    copyRest(child, next, at + 1);
                    if (!isEmptyContainer(next)) {
                        list.add(next);
                    }
                }
            }
        }
    }

    private static JsonNode emptyLike(JsonNode value) {
        return switch (AttributeValue.type(value)) {
            case "M" -> AttributeValue.JSON.objectNode().set("M", AttributeValue.JSON.objectNode());
            case "L" -> AttributeValue.JSON.objectNode().set("L", AttributeValue.JSON.arrayNode());
            default -> null;
        };
    }

    private static boolean isEmptyContainer(JsonNode value) {
        JsonNode content = value.get(AttributeValue.type(value));
        return content.isContainerNode() && content.isEmpty();
    }

    private Path parent() {
        return new Path(elements.subList(0, elements.size() - 1));
    }

    /** The path as DynamoDB's messages show it: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object element = elements.get(i);
            text.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return text.append(']').toString();
    }
}
