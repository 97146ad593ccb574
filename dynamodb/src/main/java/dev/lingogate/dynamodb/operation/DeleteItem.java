package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletionStage;
import java.util.List;

/** DeleteItem: deleting an item that is not there succeeds, unless a condition says otherwise. */
public final class DeleteItem implements QueuedWrite {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .expressions(new ExpressionParameters(List.of("ConditionExpression"), List.of("Expected"), List.of()))
            .singleItemWriteOptions();

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
    public CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request) {
        return SingleItemWrite.run("DeleteItem", input, request, tables, store, Delete::checked);
    }
}
