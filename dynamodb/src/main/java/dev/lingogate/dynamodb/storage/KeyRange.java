package dev.lingogate.dynamodb.storage;

/**
 * Which stored items a read visits, in key order.
 *
 * @param partition       the one partition of a Query, or null for a Scan of the whole table
 * @param lower           the lowest sort key, or null for none
 * @param upper           the highest sort key, or null for none
 * @param exclusiveStart  where a previous page stopped (ExclusiveStartKey), or null
 * @param exclusiveStartTableKey in a secondary index, the table key of the entry the previous page
 *                        stopped at (index keys need not be unique), or null
 * @param forward         ascending (ScanIndexForward true) or descending sort key order
 */
public record KeyRange(byte[] partition, byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive,
        PrimaryKey exclusiveStart, PrimaryKey exclusiveStartTableKey, boolean forward) {

    public static KeyRange wholeTable(PrimaryKey exclusiveStart, PrimaryKey exclusiveStartTableKey) {
        return new KeyRange(null, null, false, null, false, exclusiveStart, exclusiveStartTableKey, true);
    }
}
