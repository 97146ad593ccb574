package dev.lingogate.dynamodb.storage;

/**
 * One item as a secondary index holds it: its key in the index, its key in the table (which makes
 * the entry unique, index keys need not be), and the projected attributes as DynamoDB JSON bytes.
 */
public record IndexEntry(PrimaryKey indexKey, PrimaryKey tableKey, long size, byte[] json) {
}
