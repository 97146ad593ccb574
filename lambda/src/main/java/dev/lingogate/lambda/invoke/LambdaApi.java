package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.lambda.FunctionHost;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's API in its REST-JSON protocol: Invoke, GetFunction and ListFunctions, each an operation of
 * its own, told apart by method and path. Errors are {@code {"Type": "User", "message": ...}} named
 * by {@code x-amzn-ErrorType}.
 */
public final class LambdaApi implements AwsService {

    static final String CONTENT_TYPE = "application/json";

    private static final Pattern INVOCATIONS = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final Pattern FUNCTION = Pattern.compile("/2015-03-31/functions/([^/]+)");
    private static final Pattern FUNCTIONS = Pattern.compile("/2015-03-31/functions/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Invoke invoke;
    private final GetFunction getFunction;
    private final ListFunctions listFunctions;

    public LambdaApi(FunctionHost host, String region) {
        this.invoke = new Invoke(host, region, JSON);
        this.getFunction = new GetFunction(host, region, JSON);
        this.listFunctions = new ListFunctions(host, region, JSON);
    }

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public boolean answers(String method, String rawPath, String target) {
        if (target != null) {
            return false;
        }
        return switch (method) {
            case "POST" -> INVOCATIONS.matcher(rawPath).matches();
            case "GET" -> FUNCTION.matcher(rawPath).matches() || FUNCTIONS.matcher(rawPath).matches();
            default -> false;
        };
    }

    @Override
    public CompletionStage<AwsReply> call(AwsRequest request) {
        String path = request.rawPath();
        if ("POST".equals(request.method())) {
            Matcher invocations = INVOCATIONS.matcher(path);
            if (invocations.matches()) {
                return invoke.run(request, invocations.group(1));
            }
        } else if ("GET".equals(request.method())) {
            Matcher function = FUNCTION.matcher(path);
            if (function.matches()) {
                return CompletableFuture.completedFuture(getFunction.run(request, function.group(1)));
            }
            if (FUNCTIONS.matcher(path).matches()) {
                return CompletableFuture.completedFuture(listFunctions.run(request));
            }
        }
        throw new AwsException(404, "UnknownOperationException", null);
    }

    /**
     * Lambda's own throttling error for a call the edge has no room for, with the reason Lambda gives
     * a caller over its request rate: the SDKs raise it as a {@code TooManyRequestsException} and
     * retry it, where the edge's common {@code ThrottlingException} is no error Lambda declares.
     */
    @Override
    public AwsException overloaded() {
        return new AwsException(429, "TooManyRequestsException", "Rate Exceeded.").withField("Reason", "CallerRateLimitExceeded");
    }

    static AwsReply json(int status, JsonNode body) {
        return AwsReply.json(status, CONTENT_TYPE, body.toString());
    }

    @Override
    public AwsReply errorReply(AwsException error) {
        ObjectNode body = JSON.createObjectNode();
        error.fields().forEach((field, value) -> body.set(field, JSON.valueToTree(value)));
        body.put("Type", error.status() >= 500 ? "Service" : "User");
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", CONTENT_TYPE, "x-amzn-ErrorType", error.errorType()));
        if (error.status() == 429) {
            headers.put("Retry-After", "1");
        }
        return new AwsReply(statusOf(error), headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Lambda's REST protocol answers authentication and authorisation failures with 403, not the JSON protocols' 400. */
    private static int statusOf(AwsException error) {
        return switch (error.errorType()) {
            case "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
                    "IncompleteSignatureException", "MissingAuthenticationTokenException" -> 403;
            default -> error.status();
        };
    }
}
