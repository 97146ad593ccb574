package dev.lingogate.edge.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.IncomingCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.concurrent.CompletionStage;

/**
 * A service spoken in AWS's JSON protocol (awsJson1_0 / awsJson1_1): every call is a POST whose
 * {@code X-Amz-Target} header names the operation, e.g. {@code DynamoDB_20120810.GetItem}, with a
 * JSON object as the body. Errors are {@code {"__type": "...#Type", "message": "..."}}.
 *
 * <p>Before a call's signature is looked at, it is screened as AWS's front end screens it: a method
 * other than POST, or a body in a content type other than {@code application/json} or the service's
 * own, is answered 404; a body that is not JSON is a {@code SerializationException}; an operation the
 * service lacks is an {@code UnknownOperationException}. Replies are in the content type the call was
 * sent in, {@code application/json} when it named neither.
 */
public class JsonProtocolService implements AwsService {

    private final String name;
    private final String targetPrefix;
    private final String errorTypePrefix;
    private final String contentType;
    private final Map<String, JsonOperation> operations;
    private final ObjectMapper mapper;
    private final EndpointTraits endpoint;
    private final Supplier<AwsException> overloaded;

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
        this(name, targetPrefix, errorTypePrefix, contentType, operations, mapper, null, null);
    }

    private JsonProtocolService(String name, String targetPrefix, String errorTypePrefix, String contentType,
            Map<String, JsonOperation> operations, ObjectMapper mapper, EndpointTraits endpoint,
            Supplier<AwsException> overloaded) {
        this.endpoint = endpoint;
        this.overloaded = overloaded;
        this.name = name;
        this.targetPrefix = targetPrefix;
        this.errorTypePrefix = errorTypePrefix;
        this.contentType = contentType;
        this.operations = Map.copyOf(operations);
        this.mapper = mapper;
    }

    /**
     * This service as the owner of the edge's address: it answers the calls no service claims, with
     * the traits of the AWS endpoint it stands for.
     */
    public JsonProtocolService owningTheEndpoint(EndpointTraits traits) {
        return new JsonProtocolService(name, targetPrefix, errorTypePrefix, contentType, operations, mapper, traits,
                overloaded);
    }

    /**
     * This service answering {@code error} when the edge turns a call away for overload, e.g. DynamoDB's
     * {@code ProvisionedThroughputExceededException} instead of the common {@code ThrottlingException}.
     */
    public JsonProtocolService overloadedAs(Supplier<AwsException> error) {
        return new JsonProtocolService(name, targetPrefix, errorTypePrefix, contentType, operations, mapper, endpoint,
                error);
    }

    @Override
    public AwsException overloaded() {
        return overloaded == null ? AwsService.super.overloaded() : overloaded.get();
    }

    @Override
    public boolean ownsTheEndpoint() {
        return endpoint != null;
    }

    @Override
    public String newRequestId() {
        return endpoint == null ? AwsService.super.newRequestId() : endpoint.requestIds().get();
    }

    @Override
    public Optional<AwsReply> screen(IncomingCall call) {
        if (endpoint != null && call.method().equals("GET") && call.rawPath().equals("/")) {
            return Optional.of(sealed(new AwsReply(200, Map.of(),
                    endpoint.healthLine().getBytes(StandardCharsets.UTF_8))));
        }
        if (!call.method().equals("POST") || call.body().length > 0 && !accepts(call.mediaType())) {
            // AWS's front end knows no operation behind another method or content type, and says so in XML.
            return Optional.of(sealed(new AwsReply(404, Map.of(),
                    "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8))));
        }
        if (!isJson(call.body())) {
            return Optional.of(errorReply(new AwsException(400, "SerializationException", null), call));
        }
        String target = call.header("x-amz-target");
        if (target == null || !target.startsWith(targetPrefix)
                || !operations.containsKey(target.substring(targetPrefix.length()))) {
            return Optional.of(errorReply(new AwsException(400, "UnknownOperationException", null), call));
        }
        return Optional.empty();
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
    public boolean mayBlock(AwsRequest request) {
        String target = request.target();
        JsonOperation operation = target == null || !target.startsWith(targetPrefix) ? null
                : operations.get(target.substring(targetPrefix.length()));
        return operation == null || operation.mayBlock();
    }

    @Override
    public CompletionStage<AwsReply> call(AwsRequest request) {
        String operationName = request.target().substring(targetPrefix.length());
        JsonOperation operation = operations.get(operationName);
        if (operation == null) {
            throw new AwsException(400, "UnknownOperationException", null);
        }
        JsonNode input = parse(request.body());
        String replyType = replyType(IncomingCall.mediaTypeOf(request.header("content-type")));
        return operation.answer(input, request).thenApply(output -> sealed(new AwsReply(200,
                request.replyHeaders().addedTo(Map.of("Content-Type", replyType)), write(output))));
    }

    @Override
    public AwsReply errorReply(AwsException error) {
        return errorReply(error, contentType);
    }

    @Override
    public AwsReply errorReply(AwsException error, IncomingCall call) {
        return errorReply(error, replyType(call.mediaType()));
    }

    private AwsReply errorReply(AwsException error, String replyType) {
        ObjectNode body = mapper.createObjectNode();
        String type = error.errorType();
        body.put("__type", namespaceOf(error) + type);
        if (error.getMessage() != null) {
            // Coral writes the message of a denial it raises itself as "Message"; every other as "message".
            body.put(error.errorType().equals("AccessDeniedException") ? "Message" : "message", error.getMessage());
        }
        error.fields().forEach((field, value) -> body.set(field, mapper.valueToTree(value)));
        return sealed(new AwsReply(error.status(),
                Map.of("Content-Type", replyType, "x-amzn-ErrorType", type), write(body)));
    }

    private boolean accepts(String mediaType) {
        return mediaType.equals("application/json") || mediaType.equals(contentType);
    }

    private String replyType(String requestMediaType) {
        return requestMediaType.equals(contentType) ? contentType : "application/json";
    }

    /** Whether the body is well-formed JSON, read as tokens: cheaper than the tree the operation reads later. */
    private boolean isJson(byte[] body) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The reply with its body's checksum, when the endpoint sends one. */
    private AwsReply sealed(AwsReply reply) {
        if (endpoint == null || !endpoint.checksums()) {
            return reply;
        }
        CRC32 crc = new CRC32();
        crc.update(reply.body());
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("x-amz-crc32", Long.toString(crc.getValue()));
        return new AwsReply(reply.status(), headers, reply.body());
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
            if (body.length == 0) {
                // AWS reads an absent body as no structure at all, which no operation takes.
                throw new AwsException(400, "SerializationException", null);
            }
            JsonNode input = mapper.readTree(body);
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
