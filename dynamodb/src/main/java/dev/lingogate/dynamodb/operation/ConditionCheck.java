package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.TableDefinition;

/** A transaction's ConditionCheck: a condition on an item the transaction does not write. */
record ConditionCheck(TableDefinition table, PrimaryKey key, WriteCondition condition) implements ItemWrite {

    static ConditionCheck of(JsonNode request, TableDefinition table) {
        PrimaryKey key = table.keySchema().keyOfRequest(AttributeValue.checkedMap(request.get("Key")));
        RequestExpressions expressions = new RequestExpressions(request);
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        return new ConditionCheck(table, key, condition);
    }

    @Override
    public Change applyTo(ItemWriter items) {
        ObjectNode current = ItemCodec.decode(items.get(key));
        condition.require(current);
        return new Change(current, current);
    }
}
