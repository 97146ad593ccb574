package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;

/**
 * DeleteTable: the table and its items are gone from the store at once; the answer describes it as
 * DELETING, as AWS does, and so does DescribeTable while the tables keep AWS's DELETING window.
 */
public final class DeleteTable implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName();

    private final Tables tables;
    private final TableStore store;

    public DeleteTable(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "DeleteTable";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:DeleteTable", tables.arnOf(name));
        // Described before it goes, while its items can still be counted.
        ObjectNode description = tables.describe(name).describe("DELETING", store::statistics);
        // AWS's answer leaves the global indexes out; they are deleted first.
        description.remove("GlobalSecondaryIndexes");
        tables.delete(name);
        return AttributeValue.JSON.objectNode().set("TableDescription", description);
    }
}
