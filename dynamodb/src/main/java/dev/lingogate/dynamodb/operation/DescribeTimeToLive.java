package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;

/** DescribeTimeToLive: ENABLED with the attribute that holds expiry times, or DISABLED. */
public final class DescribeTimeToLive implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName();

    private final Tables tables;

    DescribeTimeToLive(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "DescribeTimeToLive";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:DescribeTimeToLive", tables.arnOf(name));
        String attribute = tables.describe(name).timeToLiveAttribute();
        ObjectNode output = AttributeValue.JSON.objectNode();
        ObjectNode description = output.putObject("TimeToLiveDescription");
        if (attribute == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return output;
    }
}
