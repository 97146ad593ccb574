package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;

/**
 * UpdateTimeToLive: names the attribute whose epoch-seconds Number says when an item expires, or
 * stops expiring items. The change is at once ENABLED or DISABLED here (AWS passes through ENABLING
 * and DISABLING), and, as on AWS, asking for the state the table is already in is an error.
 */
public final class UpdateTimeToLive implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("TimeToLiveSpecification", Type.STRUCTURE);

    private static final RequestShape SPECIFICATION = new RequestShape()
            .text("AttributeName", 1, 255)
            .required("Enabled", Type.BOOLEAN);

    private final Tables tables;

    UpdateTimeToLive(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "UpdateTimeToLive";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        JsonNode specification = input.get("TimeToLiveSpecification");
        SPECIFICATION.check(specification, "timeToLiveSpecification.");
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:UpdateTimeToLive", tables.arnOf(name));
        String attribute = specification.get("AttributeName").asText();
        boolean enable = specification.get("Enabled").asBoolean();
        String current = tables.describe(name).timeToLiveAttribute();
        if (current != null && !current.equals(attribute)) {
            throw new ValidationException("TimeToLive is active on a different AttributeName: current AttributeName is " + current);
        }
        if (current != null && enable) {
            throw new ValidationException("TimeToLive is already enabled");
        }
        if (current == null && !enable) {
            throw new ValidationException("TimeToLive is already disabled");
        }
        TableDefinition changed = tables.changeTimeToLive(name, enable ? attribute : null);
        ObjectNode output = AttributeValue.JSON.objectNode();
        output.putObject("TimeToLiveSpecification").put("AttributeName", attribute)
                .put("Enabled", changed.timeToLiveAttribute() != null);
        return output;
    }
}
