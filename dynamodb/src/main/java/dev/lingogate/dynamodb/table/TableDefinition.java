package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.TableStatistics;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What CreateTable declared, plus what DynamoDB assigned (id, ARN, creation time): everything
 * DescribeTable shows except the item statistics, kept in memory so no request reads it from disk.
 *
 * @param storeName  the SQLite table holding the items
 * @param createdAt  seconds since the epoch, with milliseconds, as DynamoDB reports it
 * @param billingMode PROVISIONED or PAY_PER_REQUEST
 * @param timeToLiveAttribute the attribute holding each item's expiry time when TTL is enabled, else null
 * @param tags        the table's tags by key, in the order they were first given
 */
public record TableDefinition(String name, String id, String arn, KeySchema keySchema,
        List<KeyAttribute> attributeDefinitions, BigDecimal createdAt, String billingMode,
        long readCapacityUnits, long writeCapacityUnits, String storeName, List<SecondaryIndex> indexes,
        String timeToLiveAttribute, Map<String, String> tags) {

    public TableDefinition {
        attributeDefinitions = List.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The same table with other secondary indexes (and their key attributes defined). */
    public TableDefinition withIndexes(List<SecondaryIndex> changed, List<KeyAttribute> definitions) {
        return new TableDefinition(name, id, arn, keySchema, definitions, createdAt, billingMode, readCapacityUnits,
                writeCapacityUnits, storeName, changed, timeToLiveAttribute, tags);
    }

    /** The same table billed otherwise. */
    public TableDefinition billed(String mode, long read, long write) {
        return new TableDefinition(name, id, arn, keySchema, attributeDefinitions, createdAt, mode, read, write, storeName,
                indexes, timeToLiveAttribute, tags);
    }

    /** The same table with TTL enabled on an attribute, or disabled (null). */
    public TableDefinition withTimeToLive(String attribute) {
        return new TableDefinition(name, id, arn, keySchema, attributeDefinitions, createdAt, billingMode, readCapacityUnits,
                writeCapacityUnits, storeName, indexes, attribute, tags);
    }

    /** The same table with other tags. */
    public TableDefinition withTags(Map<String, String> changed) {
        return new TableDefinition(name, id, arn, keySchema, attributeDefinitions, createdAt, billingMode, readCapacityUnits,
                writeCapacityUnits, storeName, indexes, timeToLiveAttribute, changed);
    }

    /** The named index, or null. */
    public SecondaryIndex index(String indexName) {
        for (SecondaryIndex index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    /** The {@code TableDescription} of DescribeTable, CreateTable and DeleteTable. */
    public ObjectNode describe(String status, Function<String, TableStatistics> statisticsOfStore) {
        ObjectNode table = AttributeValue.JSON.objectNode();
        ArrayNode definitions = table.putArray("AttributeDefinitions");
        attributeDefinitions.forEach(a -> definitions.addObject().put("AttributeName", a.name()).put("AttributeType", a.type()));
        table.put("TableName", name);
        table.set("KeySchema", keySchema.describe());
        table.put("TableStatus", status);
        table.put("CreationDateTime", createdAt);
        ObjectNode throughput = table.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", readCapacityUnits);
        throughput.put("WriteCapacityUnits", writeCapacityUnits);
        TableStatistics statistics = statisticsOfStore.apply(storeName);
        table.put("TableSizeBytes", statistics.sizeBytes());
        table.put("ItemCount", statistics.itemCount());
        table.put("TableArn", arn);
        table.put("TableId", id);
        if (billingMode.equals("PAY_PER_REQUEST")) {
            table.putObject("BillingModeSummary")
                    .put("BillingMode", billingMode)
                    .put("LastUpdateToPayPerRequestDateTime", createdAt);
        }
        for (SecondaryIndex index : indexes) {
            String member = index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
            ArrayNode described = table.has(member) ? (ArrayNode) table.get(member) : table.putArray(member);
            // An index is built with its table; it is ACTIVE whenever the table is, or while the table is deleted.
            String indexStatus = status.equals("CREATING") ? "CREATING" : "ACTIVE";
            described.add(index.describe(arn, indexStatus, statisticsOfStore.apply(index.storeName()),
                    billingMode.equals("PROVISIONED")));
        }
        table.put("DeletionProtectionEnabled", false);
        return table;
    }
}
