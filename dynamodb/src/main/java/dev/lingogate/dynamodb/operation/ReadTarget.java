package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.KeySchema;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;

/** What a Query or Scan reads: a table, or one of its secondary indexes (IndexName). */
record ReadTarget(TableDefinition table, SecondaryIndex index) {

    /** Where a previous page stopped: the key in what is read and, in an index, the item's table key. */
    record Start(PrimaryKey key, PrimaryKey tableKey) {
    }

    /** The table, or its index named in the request, checked against what the request asks of it. */
    static ReadTarget of(TableDefinition table, JsonNode input) {
        JsonNode indexName = input.get("IndexName");
        if (indexName == null || indexName.isNull()) {
            return new ReadTarget(table, null);
        }
        SecondaryIndex index = table.index(indexName.asText());
        if (index == null) {
            throw new ValidationException("The table does not have the specified index: " + indexName.asText());
        }
        if (index.global() && input.path("ConsistentRead").asBoolean(false)) {
            throw new ValidationException("Consistent reads are not supported on global secondary indexes");
        }
        if (input.path("Select").asText().equals("ALL_ATTRIBUTES") && !index.projectionType().equals("ALL")) {
            throw ValidationException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for "
                    + (index.global() ? "global" : "local") + " secondary index " + index.name()
                    + " because its projection type is not ALL");
        }
        return new ReadTarget(table, index);
    }

    KeySchema keySchema() {
        return index == null ? table.keySchema() : index.keySchema();
    }

    /** The request's ExclusiveStartKey: the table's key and, reading an index, the index's key too; null when absent. */
    Start exclusiveStart(JsonNode input) {
        JsonNode start = input.get("ExclusiveStartKey");
        if (start == null || start.isNull()) {
            return null;
        }
        try {
            ObjectNode attributes = AttributeValue.checkedMap(start);
            if (index == null) {
                return new Start(table.keySchema().keyOfRequest(attributes), null);
            }
            PrimaryKey tableKey = table.keySchema().keyOfItem(attributes);
            PrimaryKey indexKey = index.keyOf(attributes);
            if (indexKey == null) {
                throw new ValidationException("The provided key element does not match the schema");
            }
            return new Start(indexKey, tableKey);
        } catch (ValidationException e) {
            throw new ValidationException("The provided starting key is invalid: " + e.getMessage());
        }
    }

    /** The LastEvaluatedKey of a page ending at this item: its table key and, in an index, its index key. */
    ObjectNode lastEvaluatedKey(ObjectNode item) {
        ObjectNode key = table.keySchema().keyAttributesOf(item);
        if (index != null) {
            key.setAll(index.keySchema().keyAttributesOf(item));
        }
        return key;
    }
}
