package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletionStage;

/**
 * An operation that only checks, prepares and queues its write: it never blocks, so the edge runs it
 * on the event loop, and its answer comes from the writer once the write is durable.
 */
interface QueuedWrite extends Operation {

    @Override
    CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request);

    /** Waits for {@link #answer}, which the edge takes instead: nothing need wait for the commit. */
    @Override
    default JsonNode run(JsonNode input, AwsRequest request) {
        return answer(input, request).toCompletableFuture().join();
    }

    @Override
    default boolean mayBlock() {
        return false;
    }
}
