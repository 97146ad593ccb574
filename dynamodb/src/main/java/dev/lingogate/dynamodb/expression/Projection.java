package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import java.util.Comparator;
import java.util.List;

/** A ProjectionExpression (or the paths an update wrote): which parts of an item to return. */
public record Projection(List<Path> paths) {

    public Projection {
        paths = List.copyOf(paths);
    }

    /** Paths in document order, so that elements a projection picks from a list come back in the list's order, as AWS gives them. */
    private static final Comparator<Path> DOCUMENT_ORDER = (a, b) -> {
        int common = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < common; i++) {
            Object x = a.elements().get(i);
            Object y = b.elements().get(i);
            int order = x instanceof Integer p && y instanceof Integer q ? Integer.compare(p, q)
                    : x instanceof String p && y instanceof String q ? p.compareTo(q)
                    : x instanceof Integer ? -1 : 1;
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.elements().size(), b.elements().size());
    };

    public ObjectNode apply(JsonNode item) {
        ObjectNode projected = AttributeValue.JSON.objectNode();
        paths.stream().sorted(DOCUMENT_ORDER).forEach(path -> path.copyInto(item, projected));
        return projected;
    }
}
