package dev.lingogate.dynamodb.storage;

/** A table's ItemCount and TableSizeBytes. */
public record TableStatistics(long itemCount, long sizeBytes) {
}
