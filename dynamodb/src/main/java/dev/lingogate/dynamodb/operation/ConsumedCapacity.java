package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request consumed of one table's capacity, in AWS's arithmetic, for ReturnConsumedCapacity:
 * a read costs one unit per 4 KB read (rounded up, at least one), half that when eventually
 * consistent; a write one unit per 1 KB of the larger of the item before and after (at least one),
 * and as much again for each index entry it writes; a transaction twice all of that. Only counted
 * when a request asks ({@link #requested}), so the usual request pays nothing for it.
 */
final class ConsumedCapacity {

    private static final long READ_UNIT_BYTES = 4 * 1024;
    private static final long WRITE_UNIT_BYTES = 1024;

    private final TableDefinition table;
    private final boolean withIndexes;
    private double tableUnits;
    private final Map<SecondaryIndex, Double> indexUnits = new LinkedHashMap<>();

    private ConsumedCapacity(TableDefinition table, boolean withIndexes) {
        this.table = table;
        this.withIndexes = withIndexes;
    }

    /** The capacity a batch or transaction consumed, table by table, in the order the tables were first met. */
    static final class PerTable {

        private final JsonNode input;
        private final Map<String, ConsumedCapacity> tables = new LinkedHashMap<>();

        PerTable(JsonNode input) {
            this.input = input;
        }

        ConsumedCapacity of(TableDefinition table) {
            return tables.computeIfAbsent(table.name(), name -> ConsumedCapacity.of(table, input));
        }

        /** The ConsumedCapacity list of the answer. */
        ArrayNode toJson() {
            ArrayNode list = AttributeValue.JSON.arrayNode();
            tables.values().forEach(capacity -> list.add(capacity.toJson()));
            return list;
        }
    }

    /** Whether the request asks for TOTAL or INDEXES; NONE and absent ask for nothing. */
    static boolean requested(JsonNode input) {
        String mode = input.path("ReturnConsumedCapacity").asText("NONE");
        return mode.equals("TOTAL") || mode.equals("INDEXES");
    }

    static ConsumedCapacity of(TableDefinition table, JsonNode input) {
        return new ConsumedCapacity(table, input.path("ReturnConsumedCapacity").asText().equals("INDEXES"));
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, (bytes + READ_UNIT_BYTES - 1) / READ_UNIT_BYTES);
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, (bytes + WRITE_UNIT_BYTES - 1) / WRITE_UNIT_BYTES);
    }

    /** Counts a read from the table, or from an index (null for the table). */
    ConsumedCapacity read(SecondaryIndex index, long bytes, boolean consistent) {
        double units = readUnits(bytes, consistent);
        if (index == null) {
            tableUnits += units;
        } else {
            indexUnits.merge(index, units, Double::sum);
        }
        return this;
    }

    /** Counts a read inside a transaction: consistent, and twice. */
    ConsumedCapacity transactionalRead(long bytes) {
        tableUnits += 2 * readUnits(bytes, true);
        return this;
    }

    /** Counts a write to the table and to each index entry it removed or wrote; {@code times} is 2 in a transaction. */
    ConsumedCapacity write(ItemWrite.Change change, int times) {
        long before = change.before() == null ? 0 : AttributeValue.itemSize(change.before());
        long after = change.after() == null ? 0 : AttributeValue.itemSize(change.after());
        tableUnits += times * writeUnits(Math.max(before, after));
        if (change.before() == change.after()) {
            return this;
        }
        for (SecondaryIndex index : table.indexes()) {
            double units = indexWriteUnits(index, change);
            if (units > 0) {
                indexUnits.merge(index, times * units, Double::sum);
            }
        }
        return this;
    }

    /**
     * An entry written in place costs one write of the larger projection; an entry whose index key
     * changed costs two, the delete and the put, as AWS counts them.
     */
    private double indexWriteUnits(SecondaryIndex index, ItemWrite.Change change) {
        PrimaryKey was = change.before() == null ? null : index.keyOf(change.before());
        PrimaryKey is = change.after() == null ? null : index.keyOf(change.after());
        long before = was == null ? 0 : AttributeValue.itemSize(index.project(change.before(), table.keySchema()));
        long after = is == null ? 0 : AttributeValue.itemSize(index.project(change.after(), table.keySchema()));
        if (was != null && is != null && Arrays.equals(was.partition(), is.partition()) && Arrays.equals(was.sort(), is.sort())) {
            return writeUnits(Math.max(before, after));
        }
        return (was == null ? 0 : writeUnits(before)) + (is == null ? 0 : writeUnits(after));
    }

    /** The ConsumedCapacity member of an answer: TOTAL gives the sum, INDEXES the table and each index too. */
    ObjectNode toJson() {
        ObjectNode json = AttributeValue.JSON.objectNode();
        json.put("TableName", table.name());
        double total = tableUnits + indexUnits.values().stream().mapToDouble(Double::doubleValue).sum();
        json.put("CapacityUnits", total);
        if (withIndexes) {
            json.putObject("Table").put("CapacityUnits", tableUnits);
            indexUnits.forEach((index, units) -> {
                String member = index.global() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
                ObjectNode indexes = json.has(member) ? (ObjectNode) json.get(member) : json.putObject(member);
                indexes.putObject(index.name()).put("CapacityUnits", units);
            });
        }
        return json;
    }
}
