package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsRequest;

/**
 * One DynamoDB action (PutItem, Query, ...): the shape its request must have, and what it does.
 * Each implementation reads top to bottom: authorize, find the table, check, act, answer.
 */
public interface Operation {

    /** The action's name in X-Amz-Target and in IAM, e.g. {@code PutItem}. */
    String name();

    RequestShape shape();

    /** Runs a request whose shape was already checked. */
    JsonNode run(JsonNode input, AwsRequest request);

    /** Checks the request's shape, then runs it. */
    default JsonNode call(JsonNode input, AwsRequest request) {
        shape().check(input);
        return run(input, request);
    }
}
