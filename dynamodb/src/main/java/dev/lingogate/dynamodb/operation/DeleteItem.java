package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;

/** DeleteItem: deleting an item that is not there succeeds, unless a condition says otherwise. */
public final class DeleteItem implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .expressions("ConditionExpression")
            .oneOf("ReturnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")
            .oneOf("ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private final Tables tables;
    private final TableStore store;

    DeleteItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "DeleteItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:DeleteItem", tables.arnOf(name));
        TableDefinition table = tables.get(name);
        String returnValues = input.path("ReturnValues").asText("NONE");
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw new ValidationException("ReturnValues can only be ALL_OLD or NONE");
        }
        Delete delete = Delete.of(input, table);
        ItemWrite.Change change = store.transact(transaction -> delete.applyIn(transaction, tables));
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (returnValues.equals("ALL_OLD") && change.before() != null) {
            output.set("Attributes", change.before());
        }
        if (ConsumedCapacity.requested(input)) {
            output.set("ConsumedCapacity", ConsumedCapacity.of(table, input).write(change, 1).toJson());
        }
        return output;
    }
}
