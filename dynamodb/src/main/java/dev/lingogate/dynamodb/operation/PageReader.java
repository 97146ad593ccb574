package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.IndexEntry;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.storage.TableStore;

/**
 * One page of a Query or Scan, read as DynamoDB reads it: items in key order until Limit items
 * were read or 1 MB of them (as {@link PageSize} counts), THEN the filter; so a page may hold fewer items than Limit, even
 * none, and still have a LastEvaluatedKey to continue from.
 */
final class PageReader {

    /** DynamoDB's largest page of read items. */
    static final long MAX_PAGE_BYTES = 1024 * 1024;

    private final TableStore store;

    PageReader(TableStore store) {
        this.store = store;
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

    ObjectNode read(ReadTarget target, KeyRange range, JsonNode input, Condition filter, Projection projection,
            boolean countOnly) {
        return read(target, range, input, filter, projection, countOnly, ScanSegment.WHOLE);
    }

    /** One page of one segment of a parallel Scan: the other segments' items are passed over, unread and uncounted. */
    ObjectNode read(ReadTarget target, KeyRange range, JsonNode input, Condition filter, Projection projection,
            boolean countOnly, ScanSegment segment) {
        JsonNode limitNode = input.get("Limit");
        long limit = limitNode == null || limitNode.isNull() ? Long.MAX_VALUE : limitNode.asLong();
        Page page = new Page(limit, filter, projection, countOnly,
                target.table().keySchema().sort().map(sort -> sort.name()).orElse(null));
        if (target.index() == null) {
            store.read(target.table().storeName(), range,
                    stored -> !segment.contains(stored.key()) || page.take(stored.json(), stored.size()));
        } else {
            boolean fromTable = target.fetchesFromTable(input);
            store.readIndex(target.index().storeName(), range,
                    entry -> !segment.contains(entry.indexKey())
                            || page.take(fromTable ? tableItem(target, entry) : entry.json(), entry.size()));
        }
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (!countOnly) {
            output.set("Items", page.items);
        }
        output.put("Count", page.count);
        output.put("ScannedCount", page.scanned);
        if (page.last != null && page.full()) {
            output.set("LastEvaluatedKey", target.lastEvaluatedKey(page.last));
        }
        if (ConsumedCapacity.requested(input)) {
            // A page costs what it read, filtered or not, rounded up once for the whole page.
            output.set("ConsumedCapacity", ConsumedCapacity.of(target.table(), input)
                    .read(target.index(), page.bytes, input.path("ConsistentRead").asBoolean(false)).toJson());
        }
        return output;
    }

    /** The whole item an index entry stands for, as the table holds it (the entry's own, should the item be gone). */
    private byte[] tableItem(ReadTarget target, IndexEntry entry) {
        byte[] item = store.get(target.table().storeName(), entry.tableKey());
        return item == null ? entry.json() : item;
    }

    /** The items of one page as they are read, until it is full. */
    private static final class Page {

        final long limit;
        final Condition filter;
        final Projection projection;
        final boolean countOnly;
        final String sortKey;
        final ArrayNode items = AttributeValue.JSON.arrayNode();
        long scanned;
        long bytes;
        long pageBytes;
        int count;
        ObjectNode last;

        Page(long limit, Condition filter, Projection projection, boolean countOnly, String sortKey) {
            this.limit = limit;
            this.sortKey = sortKey;
            this.filter = filter;
            this.projection = projection;
            this.countOnly = countOnly;
        }

        /** Takes one read item; answers whether the page has room for more. */
        boolean take(byte[] json, long size) {
            ObjectNode item = ItemCodec.decode(json);
            scanned++;
            bytes += size;
            pageBytes += PageSize.of(item, sortKey);
            last = item;
            if (filter == null || filter.test(item)) {
                count++;
                if (!countOnly) {
                    if (projection == null) {
                        items.addRawValue(ItemCodec.verbatim(json));
                    } else {
                        items.add(projection.apply(item));
                    }
                }
            }
            return !full();
        }

        boolean full() {
            return scanned >= limit || pageBytes >= MAX_PAGE_BYTES;
        }
    }
}
