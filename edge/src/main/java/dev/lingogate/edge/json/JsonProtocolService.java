package dev.lingogate.edge.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service spoken in AWS's JSON protocol (awsJson1_0 / awsJson1_1): every call is a POST whose
 * {@code X-Amz-Target} header names the operation, e.g. {@code DynamoDB_20120810.GetItem}, with a
 * JSON object as the body. Errors are {@code {"__type": "...#Type", "message": "..."}}.
 */
public class JsonProtocolService implements AwsService {

    private final String name;
    private final String targetPrefix;
    private final String errorTypePrefix;
    private final String contentType;
    private final Map<String, JsonOperation> operations;
    private final ObjectMapper mapper;

    /**
     * @param name            the IAM service prefix, e.g. {@code dynamodb}
     * @param targetPrefix    the target up to the operation name, e.g. {@code DynamoDB_20120810.}
     * @param errorTypePrefix what stands before an error type in {@code __type}, e.g.
     *                        {@code com.amazonaws.dynamodb.v20120810#}, or empty
     * @param contentType     {@code application/x-amz-json-1.0} or {@code -1.1}
     * @param operations      the operations by name, e.g. {@code PutItem}
     */
    public JsonProtocolService(String name, String targetPrefix, String errorTypePrefix, String contentType,
            Map<String, JsonOperation> operations, ObjectMapper mapper) {
        this.name = name;
        this.targetPrefix = targetPrefix;
        this.errorTypePrefix = errorTypePrefix;
        this.contentType = contentType;
        this.operations = Map.copyOf(operations);
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean answers(String method, String rawPath, String target) {
        return target != null && target.startsWith(targetPrefix);
    }

    @Override
    public CompletionStage<AwsReply> call(AwsRequest request) {
        String operationName = request.target().substring(targetPrefix.length());
        JsonOperation operation = operations.get(operationName);
        if (operation == null) {
            throw new AwsException(400, "UnknownOperationException", null);
        }
        JsonNode input = parse(request.body());
        JsonNode output = operation.run(input, request);
        return CompletableFuture.completedFuture(AwsReply.json(200, contentType, write(output)));
    }

    @Override
    public AwsReply errorReply(AwsException error) {
        ObjectNode body = mapper.createObjectNode();
        String type = error.errorType();
        body.put("__type", namespaceOf(error) + type);
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        error.fields().forEach((field, value) -> body.set(field, mapper.valueToTree(value)));
        return new AwsReply(error.status(),
                Map.of("Content-Type", contentType, "x-amzn-ErrorType", type), write(body));
    }

    /**
     * AWS's request framework (Coral) names the errors it raises itself in its own namespaces: those
     * found before the service is reached, and the input validation of a namespaced service, which
     * DynamoDB answers as {@code com.amazon.coral.validate#ValidationException}.
     */
    private String namespaceOf(AwsException error) {
        if (error.raisedBeforeTheService()) {
            return "com.amazon.coral.service#";
        }
        if (!errorTypePrefix.isEmpty() && error.errorType().equals("ValidationException")) {
            return "com.amazon.coral.validate#";
        }
        return errorTypePrefix;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode input = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
            if (input == null || !input.isObject()) {
                throw new AwsException(400, "SerializationException", "Start of structure or map found where not expected");
            }
            return input;
        } catch (IOException e) {
            throw new AwsException(400, "SerializationException", "Malformed request body: "
                    + (e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
