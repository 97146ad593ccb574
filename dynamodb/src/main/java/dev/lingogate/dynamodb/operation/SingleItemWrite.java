package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What PutItem and DeleteItem share: authorize, prepare the write, commit it in its own
 * transaction, and answer the old item (ReturnValues ALL_OLD, the only value besides NONE that
 * either accepts) and the consumed capacity.
 */
final class SingleItemWrite {

    private SingleItemWrite() {
    }

    static CompletionStage<JsonNode> run(String action, JsonNode input, AwsRequest request, Tables tables, TableStore store,
            Function<JsonNode, Function<TableDefinition, ? extends ItemWrite>> check) {
        String name = input.get("TableName").asText();
        // AWS checks the request whole before it looks the table up
        Function<TableDefinition, ? extends ItemWrite> prepare = check.apply(input);
        request.authorize("dynamodb:" + action, tables.arnOf(name));
        TableDefinition table = tables.get(name);
        ItemWrite write = prepare.apply(table);
        // Answered from the writer's thread once durable: no thread of the edge's waits for the fsync.
        CompletionStage<ItemWrite.Change> durable = store.transactLater(request.body().length,
                transaction -> write.applyIn(transaction, tables));
        return durable.thenApply(change -> {
            ObjectNode output = AttributeValue.JSON.objectNode();
            if (input.path("ReturnValues").asText("NONE").equals("ALL_OLD") && change.before() != null) {
                output.set("Attributes", change.before());
            }
            if (ConsumedCapacity.requested(input)) {
                output.set("ConsumedCapacity", ConsumedCapacity.of(table, input).write(change, 1).toJson());
            }
            return output;
        });
    }

    /** PutItem and DeleteItem return the old item or nothing, never the new one. */
    static void checkReturnValues(JsonNode input) {
        String returnValues = input.path("ReturnValues").asText("NONE");
        if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
            throw new ValidationException("ReturnValues can only be ALL_OLD or NONE");
        }
    }
}
