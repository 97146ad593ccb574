package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;
import java.util.Optional;

/** ListTables: names in order, at most Limit (default 100) per page. */
public final class ListTables implements Operation {

    private static final RequestShape SHAPE = new RequestShape()
            .optionalTableName("ExclusiveStartTableName")
            .integer("Limit", 1, 100);

    private final Tables tables;

    public ListTables(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "ListTables";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        request.authorize("dynamodb:ListTables", tables.allTablesArn());
        int limit = input.path("Limit").asInt(100);
        Optional<String> start = Optional.ofNullable(input.get("ExclusiveStartTableName")).map(JsonNode::asText);
        List<String> names = tables.names(start, limit);
        ObjectNode output = AttributeValue.JSON.objectNode();
        ArrayNode page = output.putArray("TableNames");
        names.stream().limit(limit).forEach(page::add);
        if (names.size() > limit) {
            output.put("LastEvaluatedTableName", names.get(limit - 1));
        }
        return output;
    }
}
