package dev.lingogate.dynamodb.storage;

/**
 * What a write may do inside its transaction: read the current item, then put or delete. Reads
 * here see the table as the transaction will commit it, so a condition checked on them holds.
 */
public interface ItemWriter {

    /** The item's JSON bytes, or null if there is none. */
    byte[] get(PrimaryKey key);

    void put(StoredItem item);

    void delete(PrimaryKey key);
}
