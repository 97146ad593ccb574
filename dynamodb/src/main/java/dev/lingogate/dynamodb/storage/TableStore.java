package dev.lingogate.dynamodb.storage;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Where DynamoDB's tables live: a catalogue of table definitions and, per table, items ordered by
 * their encoded primary key. The one interface operations reach storage through.
 */
public interface TableStore extends AutoCloseable {

    /** Every table's definition as the table layer wrote it, by table name. */
    Map<String, String> catalogue();

    /** Records a table and creates the place its items go, in one transaction. */
    void createTable(String tableName, String storeName, String definition);

    /** Forgets a table and drops its items, in one transaction. */
    void deleteTable(String tableName, String storeName);

    /** The item's JSON bytes, or null if there is none. */
    byte[] get(String storeName, PrimaryKey key);

    /**
     * Runs a read-check-write on one table atomically: no other write to any table interleaves, and
     * the call returns only after the transaction is durably committed (fsynced).
     */
    default <T> T write(String storeName, Function<ItemWriter, T> work) {
        return transact(transaction -> work.apply(transaction.table(storeName)));
    }

    /**
     * Runs reads and writes over any tables as one transaction: all of it is committed (durably, as
     * {@link #write}), or, if {@code work} throws, none of it.
     */
    <T> T transact(Function<WriteTransaction, T> work);

    /** Runs reads over any tables that all see the same committed state, whatever writes go on meanwhile. */
    <T> T snapshot(Function<Snapshot, T> work);

    /** Visits the items of a range in key order until the visitor answers false. */
    void read(String storeName, KeyRange range, Predicate<StoredItem> visitor);

    TableStatistics statistics(String storeName);

    @Override
    void close();
}
