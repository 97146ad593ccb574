package dev.lingogate.dynamodb.storage;

/** One write transaction of {@link TableStore#transact}, over as many tables as it needs. */
public interface WriteTransaction {

    /** Reads and writes one table's items inside this transaction. */
    ItemWriter table(String storeName);
}
