package dev.lingogate.dynamodb.storage;

/**
 * An item's primary key as stored: the partition and sort key values in {@link KeyEncoding}'s
 * order-preserving form (the sort part is empty for a table without a sort key).
 */
public record PrimaryKey(byte[] partition, byte[] sort) {
}
