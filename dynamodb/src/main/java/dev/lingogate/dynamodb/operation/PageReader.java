package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.edge.AwsException;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: items in key order until Limit items
 * were read or 1 MB of them, THEN the filter; so a page may hold fewer items than Limit, even
 * none, and still have a LastEvaluatedKey to continue from.
 */
final class PageReader {

    /** DynamoDB's largest page of read items. */
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final TableStore store;

    PageReader(TableStore store) {
        this.store = store;
    }

    /** The ExclusiveStartKey of a request, checked against the table's key schema; null when absent. */
    static PrimaryKey exclusiveStart(JsonNode input, TableDefinition table) {
        JsonNode start = input.get("ExclusiveStartKey");
        if (start == null || start.isNull()) {
            return null;
        }
        try {
            return table.keySchema().keyOfRequest(AttributeValue.checkedMap(start));
        } catch (ValidationException e) {
            throw new ValidationException("The provided starting key is invalid: " + e.getMessage());
        }
    }

    static boolean countOnly(JsonNode input, Projection projection) {
        String select = input.path("Select").asText(projection == null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES");
        if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
            throw new ValidationException("1 validation error detected: Value 'SPECIFIC_ATTRIBUTES' at 'select' failed to satisfy"
                    + " constraint: Member must satisfy constraint: ProjectionExpression must be specified");
        }
        if (!select.equals("SPECIFIC_ATTRIBUTES") && !select.equals("COUNT") && projection != null) {
            throw new ValidationException("Cannot specify the ProjectionExpression when choosing to get " + select);
        }
        return select.equals("COUNT");
    }

    ObjectNode read(TableDefinition table, KeyRange range, JsonNode limitNode, Condition filter, Projection projection,
            boolean countOnly) {
        long limit = limitNode == null || limitNode.isNull() ? Long.MAX_VALUE : limitNode.asLong();
        ObjectNode output = AttributeValue.JSON.objectNode();
        ArrayNode items = AttributeValue.JSON.arrayNode();
        long[] scanned = {0};
        long[] bytes = {0};
        int[] count = {0};
        ObjectNode[] last = new ObjectNode[1];
        store.read(table.storeName(), range, stored -> {
            ObjectNode item = ItemCodec.decode(stored.json());
            scanned[0]++;
            bytes[0] += stored.size();
            last[0] = item;
            if (filter == null || filter.test(item)) {
                count[0]++;
                if (!countOnly) {
                    items.add(projection == null ? item : projection.apply(item));
                }
            }
            return scanned[0] < limit && bytes[0] < MAX_PAGE_BYTES;
        });
        if (!countOnly) {
            output.set("Items", items);
        }
        output.put("Count", count[0]);
        output.put("ScannedCount", scanned[0]);
        if (last[0] != null && (scanned[0] >= limit || bytes[0] >= MAX_PAGE_BYTES)) {
            output.set("LastEvaluatedKey", table.keySchema().keyAttributesOf(last[0]));
        }
        return output;
    }

    static AwsException noSuchIndex(String index) {
        return new ValidationException("The table does not have the specified index: " + index);
    }
}
