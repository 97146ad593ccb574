package dev.lingogate.dynamodb.storage;

/** A consistent view of every table, as {@link TableStore#snapshot} opened it. */
public interface Snapshot {

    /** The item's JSON bytes, or null if there is none. */
    byte[] get(String storeName, PrimaryKey key);
}
