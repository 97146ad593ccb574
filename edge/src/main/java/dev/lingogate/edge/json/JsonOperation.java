package dev.lingogate.edge.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** One action of a JSON-protocol service, e.g. DynamoDB's PutItem: a JSON input in, a JSON output out. */
@FunctionalInterface
public interface JsonOperation {

    /**
     * @param input the parsed request body (an object)
     * @param request the call, for its caller and headers
     * @return the output object
     * @throws dev.lingogate.edge.AwsException for any error the client should see
     */
    JsonNode run(JsonNode input, AwsRequest request);

    /**
     * The output, which may come later and from another thread: what the edge asks for. By default
     * {@link #run}'s, at once.
     */
    default CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request) {
        return CompletableFuture.completedFuture(run(input, request));
    }

    /** Whether running this operation may block its thread; one that only computes and queues its work does not. */
    default boolean mayBlock() {
        return true;
    }

    /**
     * An operation that answers later, e.g. once a write is durable, without holding the edge's
     * worker thread meanwhile; one that only queues its work does not block, and runs on the event loop.
     */
    static JsonOperation answeringLater(BiFunction<JsonNode, AwsRequest, CompletionStage<JsonNode>> answer,
            boolean mayBlock) {
        return new JsonOperation() {
            @Override
            public boolean mayBlock() {
                return mayBlock;
            }

            @Override
            public JsonNode run(JsonNode input, AwsRequest request) {
                return answer(input, request).toCompletableFuture().join();
            }

            @Override
            public CompletionStage<JsonNode> answer(JsonNode input, AwsRequest request) {
                return answer.apply(input, request);
            }
        };
    }
}
