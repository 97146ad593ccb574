package dev.lingogate.edge.cbor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.json.JsonOperation;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service spoken in Smithy's RPC v2 CBOR protocol, which the AWS SDK for Java v2 uses for the
 * services whose model offers it (Amazon Translate among them) instead of the JSON protocol: a POST to
 * {@code /service/<ServiceShape>/operation/<Operation>} with a CBOR body, answered in CBOR with the
 * {@code smithy-protocol: rpc-v2-cbor} header; an error is a CBOR map with {@code __type} (the
 * error's shape id) and {@code message}. The operations are the same as in AWS's JSON protocol:
 * the CBOR data model holds the same maps, strings and numbers.
 */
public final class RpcV2CborService implements AwsService {

    private static final String CBOR = "application/cbor";
    private static final String PROTOCOL = "rpc-v2-cbor";

    private final String name;
    private final String pathPrefix;
    private final String errorNamespace;
    private final Map<String, JsonOperation> operations;
    private final ObjectMapper cbor = new CBORMapper();

    /**
     * @param name           the IAM service prefix, e.g. {@code translate}
     * @param serviceShape   the service's shape name, e.g. {@code AWSShineFrontendService_20170701}
     * @param errorNamespace the namespace of the service's error shapes, e.g. {@code com.amazonaws.translate}
     */
    public RpcV2CborService(String name, String serviceShape, String errorNamespace, Map<String, JsonOperation> operations) {
        this.name = name;
        this.pathPrefix = "/service/" + serviceShape + "/operation/";
        this.errorNamespace = errorNamespace;
        this.operations = Map.copyOf(operations);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean answers(String method, String rawPath, String target) {
        return rawPath.startsWith(pathPrefix);
    }

    @Override
    public CompletionStage<AwsReply> call(AwsRequest request) {
        JsonOperation operation = operations.get(request.rawPath().substring(pathPrefix.length()));
        if (operation == null || !request.method().equals("POST")) {
            throw new AwsException(400, "UnknownOperationException", null);
        }
        JsonNode output = operation.run(parse(request.body()), request);
        return CompletableFuture.completedFuture(reply(200, output, request.replyHeaders().addedTo(Map.of())));
    }

    @Override
    public AwsReply errorReply(AwsException error) {
        ObjectNode body = cbor.createObjectNode();
        String namespace = error.raisedBeforeTheService() ? "com.amazon.coral.service" : errorNamespace;
        body.put("__type", namespace + "#" + error.errorType());
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        error.fields().forEach((field, value) -> body.set(field, cbor.valueToTree(value)));
        return reply(error.status(), body, Map.of("x-amzn-ErrorType", error.errorType()));
    }

    private AwsReply reply(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", CBOR);
        headers.put("smithy-protocol", PROTOCOL);
        try {
            return new AwsReply(status, Map.copyOf(headers), cbor.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a tree always serialises to CBOR", e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return cbor.createObjectNode();
        }
        try {
            JsonNode input = cbor.readTree(body);
            if (input == null || !input.isObject()) {
                throw new AwsException(400, "SerializationException", "The request body is not a CBOR map");
            }
            return input;
        } catch (IOException e) {
            throw new AwsException(400, "SerializationException", "Malformed CBOR request body: " + e.getMessage());
        }
    }
}
