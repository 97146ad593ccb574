package dev.lingogate.dynamodb.storage;

/**
 * One stored item: its key, its DynamoDB size and its attributes as DynamoDB JSON bytes.
 */
public record StoredItem(PrimaryKey key, long size, byte[] json) {
}
