package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.KeyEncoding;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.TableStatistics;
import java.util.List;

/**
 * A global or local secondary index: the table's items again, keyed by other attributes and holding
 * only what the projection names. An item lacking an index key attribute is not in the index
 * (indexes are sparse), as in DynamoDB.
 *
 * @param projectionType   KEYS_ONLY, INCLUDE or ALL
 * @param nonKeyAttributes what INCLUDE adds to the keys; empty otherwise
 * @param storeName        the SQLite table holding the index's entries
 */
public record SecondaryIndex(String name, boolean global, KeySchema keySchema, String projectionType,
        List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits, String storeName) {

    public SecondaryIndex {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** The same index, its entries kept in the given SQLite table. */
    public SecondaryIndex storedIn(String indexStoreName) {
        return new SecondaryIndex(name, global, keySchema, projectionType, nonKeyAttributes, readCapacityUnits,
                writeCapacityUnits, indexStoreName);
    }

    /** The same index with another provisioned throughput (0 for on-demand). */
    public SecondaryIndex provisioned(long read, long write) {
        return new SecondaryIndex(name, global, keySchema, projectionType, nonKeyAttributes, read, write, storeName);
    }

    /**
     * The item's key in this index, or null if the item is not in it; an index key attribute of the
     * wrong type fails the write, with AWS's words.
     */
    public PrimaryKey keyOf(JsonNode item) {
        JsonNode partition = item.get(keySchema.partition().name());
        JsonNode sort = keySchema.sort().map(s -> item.get(s.name())).orElse(null);
        if (partition == null || keySchema.sort().isPresent() && sort == null) {
            return null;
        }
        return new PrimaryKey(encoded(partition, keySchema.partition()),
                keySchema.sort().map(s -> encoded(sort, s)).orElse(KeyEncoding.NO_SORT_KEY));
    }

    private byte[] encoded(JsonNode value, KeyAttribute attribute) {
        String type = AttributeValue.type(value);
        if (!type.equals(attribute.type())) {
            throw ValidationException.invalidParameter("Type mismatch for Index Key " + attribute.name() + " Expected: "
                    + attribute.type() + " Actual: " + type + " IndexName: " + name);
        }
        return KeySchema.encodedKeyValue(value, attribute);
    }

    /** What the index holds of an item: all of it, or the table's and the index's keys plus the included attributes. */
    public ObjectNode project(ObjectNode item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        ObjectNode projected = tableKey.keyAttributesOf(item);
        projected.setAll(keySchema.keyAttributesOf(item));
        for (String attribute : nonKeyAttributes) {
            JsonNode value = item.get(attribute);
            if (value != null) {
                projected.set(attribute, value);
            }
        }
        return projected;
    }

    /** The index's part of DescribeTable. */
    ObjectNode describe(String tableArn, String status, TableStatistics statistics, boolean provisioned) {
        ObjectNode index = AttributeValue.JSON.objectNode();
        index.put("IndexName", name);
        index.set("KeySchema", keySchema.describe());
        ObjectNode projection = index.putObject("Projection").put("ProjectionType", projectionType);
        if (!nonKeyAttributes.isEmpty()) {
            ArrayNode included = projection.putArray("NonKeyAttributes");
            nonKeyAttributes.forEach(included::add);
        }
        if (global) {
            index.put("IndexStatus", status);
            ObjectNode throughput = index.putObject("ProvisionedThroughput");
            throughput.put("NumberOfDecreasesToday", 0);
            throughput.put("ReadCapacityUnits", provisioned ? readCapacityUnits : 0);
            throughput.put("WriteCapacityUnits", provisioned ? writeCapacityUnits : 0);
        }
        index.put("IndexSizeBytes", statistics.sizeBytes());
        index.put("ItemCount", statistics.itemCount());
        index.put("IndexArn", tableArn + "/index/" + name);
        return index;
    }
}
