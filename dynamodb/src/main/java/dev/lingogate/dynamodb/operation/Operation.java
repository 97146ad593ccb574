package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.ProvisionedThroughputExceededException;
import dev.lingogate.dynamodb.storage.BacklogFullException;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

    /**
     * Runs a request whose shape was already checked; the answer may come later, from another
     * thread: a single-item write's comes from the writer once its group commit is durable.
     */
    default CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request) {
        return CompletableFuture.completedFuture(run(input, request));
    }

    /**
     * Whether running it may block its thread on SQLite; a single-item write only checks, prepares
     * and queues its write, so the edge runs it on the event loop.
     */
    default boolean mayBlock() {
        return true;
    }

    /**
     * Checks the request's shape, then answers it; a write the writer has no room for is answered
     * as DynamoDB answers more than a table can take, and was not applied.
     */
    default CompletionStage<JsonNode> call(JsonNode input, AwsRequest request) {
        shape().check(input);
        try {
            return answer(input, request);
        } catch (BacklogFullException e) {
            throw new ProvisionedThroughputExceededException();
        }
    }
}
