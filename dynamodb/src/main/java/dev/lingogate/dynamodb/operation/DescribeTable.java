package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.TableStatistics;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.Optional;

/** DescribeTable, with the item count and size as they are now (AWS updates them every six hours). */
public final class DescribeTable implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName();

    private final Tables tables;
    private final TableStore store;

    public DescribeTable(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "DescribeTable";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:DescribeTable", tables.arnOf(name));
        Optional<TableDefinition> deleted = tables.beingDeleted(name);
        if (deleted.isPresent()) {
            return AttributeValue.JSON.objectNode().set("Table",
                    deleted.get().describe("DELETING", gone -> new TableStatistics(0, 0)));
        }
        TableDefinition table = tables.describe(name);
        return AttributeValue.JSON.objectNode()
                .set("Table", table.describe(tables.statusOf(name), store::statistics));
    }
}
