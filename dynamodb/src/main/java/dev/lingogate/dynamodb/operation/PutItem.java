package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletionStage;
import java.util.List;

/** PutItem: replaces the whole item, if its ConditionExpression holds on the current one. */
public final class PutItem implements QueuedWrite {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Item", Type.MAP)
            .expressions(new ExpressionParameters(List.of("ConditionExpression"), List.of("Expected"), List.of()))
            .singleItemWriteOptions();

    private final Tables tables;
    private final TableStore store;

    PutItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "PutItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request) {
        return SingleItemWrite.run("PutItem", input, request, tables, store, body -> Put.checked(body, false));
    }
}
