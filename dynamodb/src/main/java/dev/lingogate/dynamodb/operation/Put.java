package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.table.TableDefinition;

/** Replaces a whole item, if its ConditionExpression holds on the current one (PutItem, a batch's PutRequest, a transaction's Put). */
record Put(TableDefinition table, PrimaryKey key, ObjectNode item, long size, byte[] json,
        WriteCondition condition) implements ItemWrite {

    /** Reads {@code Item} and the condition members of a PutItem request or of a Put inside a batch or transaction. */
    static Put of(JsonNode request, TableDefinition table) {
        ObjectNode item = AttributeValue.checkedMap(request.get("Item"));
        PrimaryKey key = table.keySchema().keyOfItem(item);
        long size = AttributeValue.itemSize(item);
        if (size > AttributeValue.MAX_ITEM_BYTES) {
            throw new ValidationException("Item size has exceeded the maximum allowed size");
        }
        RequestExpressions expressions = new RequestExpressions(request);
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        // Encoded here, so that no write transaction waits on it.
        return new Put(table, key, item, size, ItemCodec.encode(item), condition);
    }

    @Override
    public Change applyTo(ItemWriter items) {
        ObjectNode current = ItemCodec.decode(items.get(key));
        condition.require(current);
        items.put(new StoredItem(key, size, json));
        return new Change(current, item);
    }
}
