package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.edge.AwsService;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.Invocation;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API, {@code POST /2015-03-31/functions/{FunctionName}/invocations}, in Lambda's
 * REST-JSON protocol: the payload is the body, the invocation type and the function error travel
 * in headers, and errors are {@code {"Type": "User", "message": ...}} named by {@code x-amzn-ErrorType}.
 */
public final class InvokeApi implements AwsService {

    /** Lambda's limit on a synchronous invocation's payload. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private static final Pattern INVOCATIONS = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    /** A name, a partial ARN or a full ARN, with an optional qualifier, as Lambda's FunctionName accepts. */
    private static final Pattern FUNCTION_NAME = Pattern.compile(
            "(arn:aws[a-zA-Z-]*:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    private static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionHost host;
    private final String region;

    public InvokeApi(FunctionHost host, String region) {
        this.host = host;
        this.region = region;
    }

    @Override
    public String name() {
        return "lambda";
    }

    @Override
    public boolean answers(String method, String rawPath, String target) {
        return target == null && "POST".equals(method) && INVOCATIONS.matcher(rawPath).matches();
    }

    @Override
    public CompletionStage<AwsReply> call(AwsRequest request) {
        Matcher path = INVOCATIONS.matcher(request.rawPath());
        if (!path.matches()) {
            throw new AwsException(404, "UnknownOperationException", null);
        }
        String requested = URLDecoder.decode(path.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        String functionName = functionNameOf(requested, qualifierOf(request.rawQuery()));
        String functionArn = "arn:aws:lambda:" + region + ":000000000000:function:" + functionName;
        request.authorize("lambda:InvokeFunction", functionArn);
        if (!host.hosts(functionName)) {
            throw functionNotFound(functionArn);
        }
        InvocationType type = InvocationType.of(request.header("x-amz-invocation-type"));
        byte[] payload = checkedPayload(request.body());
        return switch (type) {
            case DRY_RUN -> CompletableFuture.completedFuture(new AwsReply(204, Map.of(), new byte[0]));
            case EVENT -> {
                // Lambda queues an event and answers at once; the function's outcome is only in its log.
                host.invoke(functionName, payload);
                yield CompletableFuture.completedFuture(new AwsReply(202, Map.of(), new byte[0]));
            }
            case REQUEST_RESPONSE -> host.invoke(functionName, payload).thenApply(InvokeApi::reply);
        };
    }

    private static AwsReply reply(Invocation invocation) {
        if (invocation instanceof Invocation.Throttled throttled) {
            throw new AwsException(429, "TooManyRequestsException", throttled.message())
                    .withField("Reason", "ReservedFunctionConcurrentInvocationLimitExceeded");
        }
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", CONTENT_TYPE, "X-Amz-Executed-Version", "$LATEST"));
        if (invocation instanceof Invocation.Returned returned) {
            return new AwsReply(200, headers, returned.payload());
        }
        headers.put("X-Amz-Function-Error", "Unhandled");
        byte[] errorPayload = invocation instanceof Invocation.Failed failed
                ? failed.errorPayload()
                : JSON.createObjectNode().put("errorType", "Sandbox.Timedout")
                        .put("errorMessage", ((Invocation.TimedOut) invocation).message())
                        .toString().getBytes(StandardCharsets.UTF_8);
        return new AwsReply(200, headers, errorPayload);
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

    private String functionNameOf(String requested, String queryQualifier) {
        Matcher name = FUNCTION_NAME.matcher(requested);
        if (requested.length() > 170 || !name.matches()) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + requested
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + FUNCTION_NAME.pattern());
        }
        String qualifier = name.group(8) != null ? name.group(8) : queryQualifier;
        if (qualifier != null && !"$LATEST".equals(qualifier)) {
            // Only $LATEST exists here: no versions are published and no aliases made.
            throw functionNotFound("arn:aws:lambda:" + region + ":000000000000:function:" + name.group(6) + ":" + qualifier);
        }
        return name.group(6);
    }

    private static String qualifierOf(String rawQuery) {
        for (String parameter : rawQuery.split("&")) {
            if (parameter.startsWith("Qualifier=")) {
                return URLDecoder.decode(parameter.substring("Qualifier=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static byte[] checkedPayload(byte[] body) {
        if (body.length > MAX_PAYLOAD_BYTES) {
            throw new AwsException(413, "RequestTooLargeException",
                    "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation");
        }
        if (body.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            JSON.readTree(body);
            return body;
        } catch (JsonProcessingException e) {
            throw new AwsException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsException(400, "InvalidRequestContentException", "Could not parse request body into json");
        }
    }

    private static AwsException functionNotFound(String functionArn) {
        return new AwsException(404, "ResourceNotFoundException", "Function not found: " + functionArn);
    }
}
