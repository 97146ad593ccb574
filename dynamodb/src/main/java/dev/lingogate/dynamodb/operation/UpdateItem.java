package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;
import java.util.function.Function;

/**
 * UpdateItem: applies an UpdateExpression to the current item, or to a new item holding only the
 * key, if the ConditionExpression holds; the read, the check and the write are one transaction.
 */
public final class UpdateItem implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .expressions(new ExpressionParameters(List.of("UpdateExpression", "ConditionExpression"),
                    List.of("AttributeUpdates", "Expected"), List.of()))
            .singleItemWriteOptions();

    private final Tables tables;
    private final TableStore store;

    UpdateItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "UpdateItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        // AWS checks the request whole before it looks the table up
        Function<TableDefinition, Update> check = Update.checked(input);
        request.authorize("dynamodb:UpdateItem", tables.arnOf(name));
        TableDefinition table = tables.get(name);
        Update update = check.apply(table);
        ItemWrite.Change change = store.transact(request.body().length, transaction -> update.applyIn(transaction, tables));
        Projection written = new Projection(update.writtenPaths());
        ObjectNode attributes = switch (input.path("ReturnValues").asText("NONE")) {
            case "ALL_OLD" -> change.before();
            case "ALL_NEW" -> change.after();
            case "UPDATED_OLD" -> change.before() == null ? null : written.apply(change.before());
            case "UPDATED_NEW" -> written.apply(change.after());
            default -> null;
        };
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (attributes != null && !attributes.isEmpty()) {
            output.set("Attributes", attributes);
        }
        if (ConsumedCapacity.requested(input)) {
            output.set("ConsumedCapacity", ConsumedCapacity.of(table, input).write(change, 1).toJson());
        }
        return output;
    }
}
