package dev.lingogate.dynamodb.storage;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where DynamoDB's tables live: a catalogue of table definitions and, per table, items ordered by
 * their encoded primary key. The one interface operations reach storage through.
 */
public interface TableStore extends AutoCloseable {

    /** Every table's definition as the table layer wrote it, by table name. */
    Map<String, String> catalogue();

    /** Records a table and creates the places its items and its indexes' entries go, in one transaction. */
    void createTable(String tableName, String storeName, String definition, List<String> indexStoreNames);

    /** Forgets a table and drops its items and index entries, in one transaction. */
    void deleteTable(String tableName, String storeName, List<String> indexStoreNames);

    /**
     * Adds a secondary index to a table in one transaction: creates its store, fills it with the
     * entry {@code entryOf} gives each item (null for none) and records the table's new definition;
     * {@code committed} runs after the commit, before any other write, so no write sees the table
     * without the index in memory once it exists on disk.
     */
    void addIndex(String tableName, String definition, String storeName, String indexStoreName,
            Function<StoredItem, IndexEntry> entryOf, Runnable committed);

    /** Records a table's changed definition, as {@link #addIndex} does. */
    void changeDefinition(String tableName, String definition, Runnable committed);

    /** Drops a secondary index's store and records the table's new definition, as {@link #addIndex} does. */
    void dropIndex(String tableName, String definition, String indexStoreName, Runnable committed);

    /** The item's JSON bytes, or null if there is none. */
    byte[] get(String storeName, PrimaryKey key);

    /**
     * Runs reads and writes over any tables as one transaction: no other write interleaves, and all of
     * it is committed, durably (fsynced) before this returns, or, if {@code work} throws, none of it.
     *
     * @param size what the work holds in memory while it waits for the writer, in bytes (its
     *             request's size will do)
     * @throws BacklogFullException at once, with nothing applied, when as many writes wait as may
     */
    <T> T transact(long size, Function<WriteTransaction, T> work);

    /**
     * Runs {@code work} as {@link #transact} does, without waiting: the stage completes, on the
     * thread that committed it, once it is durable, or fails with what {@code work} threw.
     *
     * @throws BacklogFullException at once, with nothing applied, when as many writes wait as may
     */
    <T> CompletionStage<T> transactLater(long size, Function<WriteTransaction, T> work);

    /** Runs reads over any tables that all see the same committed state, whatever writes go on meanwhile. */
    <T> T snapshot(Function<Snapshot, T> work);

    /** Visits the items of a range in key order until the visitor answers false. */
    void read(String storeName, KeyRange range, Predicate<StoredItem> visitor);

    /**
     * Visits the entries of a secondary index in a range, in index key order and then table key
     * order (an index key need not be unique), until the visitor answers false.
     */
    void readIndex(String indexStoreName, KeyRange range, Predicate<IndexEntry> visitor);

    TableStatistics statistics(String storeName);

    @Override
    void close();
}
