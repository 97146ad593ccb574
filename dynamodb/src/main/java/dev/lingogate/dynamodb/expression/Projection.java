package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import java.util.List;

/** A ProjectionExpression (or the paths an update wrote): which parts of an item to return. */
public record Projection(List<Path> paths) {

    public Projection {
        paths = List.copyOf(paths);
    }

    public ObjectNode apply(JsonNode item) {
        ObjectNode projected = AttributeValue.JSON.objectNode();
        paths.forEach(path -> path.copyInto(item, projected));
        return projected;
    }
}
