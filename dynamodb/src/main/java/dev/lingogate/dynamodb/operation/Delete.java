package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.TableDefinition;

/** Deletes an item, if its ConditionExpression holds; deleting an item that is not there succeeds. */
record Delete(TableDefinition table, PrimaryKey key, WriteCondition condition) implements ItemWrite {

    /** Reads {@code Key} and the condition members of a DeleteItem request or of a Delete inside a batch or transaction. */
    static Delete of(JsonNode request, TableDefinition table) {
        ObjectNode keyAttributes = checkedKey(request);
        RequestExpressions expressions = new RequestExpressions(request);
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        // the request is checked whole, as AWS does, before the key is held against the table's schema
        PrimaryKey key = table.keySchema().keyOfRequest(keyAttributes);
        return new Delete(table, key, condition);
    }

    /** The {@code Key} of a request, its values checked: what AWS checks before it looks the table up. */
    static ObjectNode checkedKey(JsonNode request) {
        return AttributeValue.checkedMap(request.get("Key"));
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
