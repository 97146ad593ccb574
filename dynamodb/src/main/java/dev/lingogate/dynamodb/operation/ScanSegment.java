package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One segment of a parallel Scan (Segment of TotalSegments). As in DynamoDB, an item belongs to
 * the segment its partition key hashes into: the hash space is cut into TotalSegments equal
 * ranges, so every item is in exactly one segment and segments are even whatever the keys look
 * like. Each segment is read in key order like a whole Scan, skipping the others' items.
 */
record ScanSegment(int segment, int totalSegments) {

    /** The whole table: a Scan without Segment and TotalSegments. */
    static final ScanSegment WHOLE = new ScanSegment(0, 1);

    /** The segment a Scan request asks for, checked as AWS checks it. */
    static ScanSegment of(JsonNode input) {
        JsonNode segment = input.get("Segment");
        JsonNode total = input.get("TotalSegments");
        boolean hasSegment = segment != null && !segment.isNull();
        boolean hasTotal = total != null && !total.isNull();
        if (hasSegment && !hasTotal) {
            throw new ValidationException("The TotalSegments parameter is required but was not present in the request when"
                    + " Segment parameter is present");
        }
        if (hasTotal && !hasSegment) {
            throw new ValidationException("The Segment parameter is required but was not present in the request when parameter"
                    + " TotalSegments is present");
        }
        if (!hasSegment) {
            return WHOLE;
        }
        if (segment.intValue() >= total.intValue()) {
            throw new ValidationException("The Segment parameter is zero-based and must be less than parameter TotalSegments:"
                    + " Segment: " + segment.intValue() + " is not less than TotalSegments: " + total.intValue());
        }
        return new ScanSegment(segment.intValue(), total.intValue());
    }

    boolean contains(PrimaryKey key) {
        return totalSegments == 1 || segmentOf(key.partition()) == segment;
    }

    /** Fails unless a previous page of this segment could have stopped at {@code start}. */
    void requireStart(PrimaryKey start) {
        if (!contains(start)) {
            throw new ValidationException("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
                    + " ExclusiveStartKey with correct Segment. TotalSegments: " + totalSegments + " Segment: " + segment);
        }
    }

    private int segmentOf(byte[] partition) {
        byte[] hash = md5().digest(partition);
        long position = ((hash[0] & 0xFFL) << 24) | ((hash[1] & 0xFFL) << 16) | ((hash[2] & 0xFFL) << 8) | (hash[3] & 0xFFL);
        return (int) ((position * totalSegments) >>> 32);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
