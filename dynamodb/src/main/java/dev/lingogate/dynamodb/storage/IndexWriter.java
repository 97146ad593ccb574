package dev.lingogate.dynamodb.storage;

/** What a write transaction does to a secondary index as the table's items change. */
public interface IndexWriter {

    void put(IndexEntry entry);

    void delete(PrimaryKey indexKey, PrimaryKey tableKey);
}
