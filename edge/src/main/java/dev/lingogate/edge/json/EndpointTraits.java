package dev.lingogate.edge.json;

import java.util.function.Supplier;

/**
 * How the AWS endpoint a JSON-protocol service stands for answers besides its operations, when the
 * service {@linkplain JsonProtocolService#owningTheEndpoint owns the edge's address}. DynamoDB's,
 * for one, answers a GET with a health line, puts a CRC32 of every body in {@code x-amz-crc32}
 * (its SDKs check it when present) and names requests with 52-character ids.
 *
 * @param healthLine what a GET is answered, e.g. {@code healthy: dynamodb.us-east-1.amazonaws.com }
 * @param checksums  whether every reply carries {@code x-amz-crc32}
 * @param requestIds makes the ids answered in {@code x-amzn-RequestId}
 */
public record EndpointTraits(String healthLine, boolean checksums, Supplier<String> requestIds) {
}
