package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.IndexEntry;
import dev.lingogate.dynamodb.storage.IndexWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.table.KeySchema;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import java.util.Arrays;

/** Keeps one secondary index in step with a write to its table, in the write's transaction. */
final class IndexEntries {

    private IndexEntries() {
    }

    static void update(SecondaryIndex index, KeySchema tableKey, PrimaryKey key, ItemWrite.Change change, IndexWriter entries) {
        PrimaryKey before = change.before() == null ? null : index.keyOf(change.before());
        PrimaryKey after = change.after() == null ? null : index.keyOf(change.after());
        if (before != null && (after == null || !sameKey(before, after))) {
            entries.delete(before, key);
        }
        if (after != null) {
            entries.put(entry(index, tableKey, after, key, change.after()));
        }
    }

    /** A stored item's entry in a new index, or null if it has none there (UpdateTable filling the index). */
    static IndexEntry of(SecondaryIndex index, KeySchema tableKey, StoredItem stored) {
        ObjectNode item = ItemCodec.decode(stored.json());
        PrimaryKey indexKey = index.keyOf(item);
        return indexKey == null ? null : entry(index, tableKey, indexKey, stored.key(), item);
    }

    private static IndexEntry entry(SecondaryIndex index, KeySchema tableKey, PrimaryKey indexKey, PrimaryKey key, ObjectNode item) {
        ObjectNode projected = index.project(item, tableKey);
        return new IndexEntry(indexKey, key, AttributeValue.itemSize(projected), ItemCodec.encode(projected));
    }

    private static boolean sameKey(PrimaryKey a, PrimaryKey b) {
        return Arrays.equals(a.partition(), b.partition()) && Arrays.equals(a.sort(), b.sort());
    }
}
