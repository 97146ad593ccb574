package dev.lingogate.edge.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsRequest;

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
}
