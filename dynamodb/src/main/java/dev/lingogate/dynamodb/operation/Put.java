package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.util.function.Function;

/** Replaces a whole item, if its ConditionExpression holds on the current one (PutItem, a batch's PutRequest, a transaction's Put). */
record Put(TableDefinition table, PrimaryKey key, ObjectNode item, long size, byte[] json,
        WriteCondition condition) implements ItemWrite {

    /** Reads {@code Item} and the condition members of a PutItem request or of a Put inside a batch or transaction. */
    static Put of(JsonNode request, TableDefinition table) {
        return checked(request, false).apply(table);
    }

    /** A BatchWriteItem's PutRequest, whose key AWS words its problems with in its own way. */
    static Put ofBatch(JsonNode request, TableDefinition table) {
        return checked(request, true).apply(table);
    }

    /**
     * Checks the request whole, as AWS does before it looks the table up (the item, then the
     * condition), and answers the Put on a table, whose schema the item's key is then held against.
     */
    static Function<TableDefinition, Put> checked(JsonNode request, boolean inBatch) {
        ObjectNode item = checkedItem(request);
        RequestExpressions expressions = new RequestExpressions(request);
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        return table -> {
            PrimaryKey key = inBatch ? table.keySchema().keyOfBatchItem(item) : table.keySchema().keyOfItem(item);
            // Encoded here, so that no write transaction waits on it.
            return new Put(table, key, item, AttributeValue.itemSize(item), ItemCodec.encode(item), condition);
        };
    }

    /** The {@code Item} of a request, its values and its size checked: what AWS checks before it looks the table up. */
    static ObjectNode checkedItem(JsonNode request) {
        ObjectNode item = AttributeValue.checkedMap(request.get("Item"));
        SingleItemWrite.checkReturnValues(request);
        if (AttributeValue.itemSize(item) > AttributeValue.MAX_ITEM_BYTES) {
            throw new ValidationException("Item size has exceeded the maximum allowed size");
        }
        return item;
    }

    @Override
    public Change applyTo(ItemWriter items) {
        ObjectNode current = ItemCodec.decode(items.get(key));
        condition.require(current);
        items.put(new StoredItem(key, size, json));
        return new Change(current, item);
    }
}
