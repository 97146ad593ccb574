package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.util.function.Function;

/** Deletes an item, if its ConditionExpression holds; deleting an item that is not there succeeds. */
record Delete(TableDefinition table, PrimaryKey key, WriteCondition condition) implements ItemWrite {

    /** Reads {@code Key} and the condition members of a DeleteItem request or of a Delete inside a batch or transaction. */
    static Delete of(JsonNode request, TableDefinition table) {
        return checked(request).apply(table);
    }

    /**
     * Checks the request whole, as AWS does before it looks the table up (the key's values, then the
     * condition), and answers the Delete on a table, whose schema the key is then held against.
     */
    static Function<TableDefinition, Delete> checked(JsonNode request) {
        ObjectNode keyAttributes = AttributeValue.checkedMap(request.get("Key"));
        SingleItemWrite.checkReturnValues(request);
        RequestExpressions expressions = new RequestExpressions(request);
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        return table -> new Delete(table, table.keySchema().keyOfRequest(keyAttributes), condition);
    }

    @Override
    public Change applyTo(ItemWriter items) {
        ObjectNode current = ItemCodec.decode(items.get(key));
        condition.require(current);
        if (current != null) {
            items.delete(key);
        }
        return new Change(current, null);
    }
}
