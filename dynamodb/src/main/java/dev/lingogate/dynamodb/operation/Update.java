package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.expression.UpdateExpression;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.util.List;
import java.util.function.Function;

/**
 * Applies an UpdateExpression to the current item, or to a new item holding only the key, if the
 * ConditionExpression holds (UpdateItem, a transaction's Update).
 */
record Update(TableDefinition table, PrimaryKey key, ObjectNode keyAttributes, UpdateExpression expression,
        WriteCondition condition) implements ItemWrite {

    static Update of(JsonNode request, TableDefinition table) {
        return checked(request).apply(table);
    }

    /**
     * Checks the request whole, as AWS does before it looks the table up (the key's values, the
     * update, the condition), and answers the Update on a table, whose schema the key is then held against.
     */
    static Function<TableDefinition, Update> checked(JsonNode request) {
        ObjectNode keyAttributes = AttributeValue.checkedMap(request.get("Key"));
        RequestExpressions expressions = new RequestExpressions(request);
        UpdateExpression update = expressions.update();
        WriteCondition condition = WriteCondition.of(expressions.condition("ConditionExpression"), request);
        expressions.checkAllUsed();
        return table -> {
            PrimaryKey key = table.keySchema().keyOfRequest(keyAttributes);
            Update prepared = new Update(table, key, keyAttributes, update, condition);
            for (Path path : prepared.writtenPaths()) {
                if (table.keySchema().isKeyAttribute(path.topLevelName())) {
                    throw ValidationException.invalidParameter("Cannot update attribute " + path.topLevelName()
                            + ". This attribute is part of the key");
                }
            }
            return prepared;
        };
    }

    /** The paths the UpdateExpression writes, which UPDATED_OLD and UPDATED_NEW return. */
    List<Path> writtenPaths() {
        return expression == null ? List.of() : expression.paths();
    }

    @Override
    public Change applyTo(ItemWriter items) {
        ObjectNode current = ItemCodec.decode(items.get(key));
        condition.require(current);
        ObjectNode base = current != null ? current : keyAttributes;
        ObjectNode updated = expression == null ? base : expression.apply(base);
        long size = AttributeValue.itemSize(updated);
        if (size > AttributeValue.MAX_ITEM_BYTES) {
            throw new ValidationException("Item size to update has exceeded the maximum allowed size");
        }
        items.put(new StoredItem(key, size, ItemCodec.encode(updated)));
        return new Change(current, updated);
    }
}
