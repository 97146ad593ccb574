package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * What CreateTable declared, plus what DynamoDB assigned (id, ARN, creation time): everything
 * DescribeTable shows except the item statistics, kept in memory so no request reads it from disk.
 *
 * @param storeName  the SQLite table holding the items
 * @param createdAt  seconds since the epoch, with milliseconds, as DynamoDB reports it
 * @param billingMode PROVISIONED or PAY_PER_REQUEST
 */
public record TableDefinition(String name, String id, String arn, KeySchema keySchema,
        List<KeyAttribute> attributeDefinitions, BigDecimal createdAt, String billingMode,
        long readCapacityUnits, long writeCapacityUnits, String storeName) {

    public TableDefinition {
        attributeDefinitions = List.copyOf(attributeDefinitions);
    }

    /** The {@code TableDescription} of DescribeTable, CreateTable and DeleteTable. */
    public ObjectNode describe(String status, long itemCount, long sizeBytes) {
        ObjectNode table = AttributeValue.JSON.objectNode();
        ArrayNode definitions = table.putArray("AttributeDefinitions");
        attributeDefinitions.forEach(a -> definitions.addObject().put("AttributeName", a.name()).put("AttributeType", a.type()));
        table.put("TableName", name);
        ArrayNode keys = table.putArray("KeySchema");
        keys.addObject().put("AttributeName", keySchema.partition().name()).put("KeyType", "HASH");
        keySchema.sort().ifPresent(s -> keys.addObject().put("AttributeName", s.name()).put("KeyType", "RANGE"));
        table.put("TableStatus", status);
        table.put("CreationDateTime", createdAt);
        ObjectNode throughput = table.putObject("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", readCapacityUnits);
        throughput.put("WriteCapacityUnits", writeCapacityUnits);
        table.put("TableSizeBytes", sizeBytes);
        table.put("ItemCount", itemCount);
        table.put("TableArn", arn);
        table.put("TableId", id);
        if (billingMode.equals("PAY_PER_REQUEST")) {
            table.putObject("BillingModeSummary")
                    .put("BillingMode", billingMode)
                    .put("LastUpdateToPayPerRequestDateTime", createdAt);
        }
        table.put("DeletionProtectionEnabled", false);
        return table;
    }
}
