package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.Invocation;
import dev.lingogate.lambda.log.LogTail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}: the payload is the body, the
 * invocation and log types come in headers, the function's error and log tail go back in headers.
 * The invocation's request id is the call's own, so {@code x-amzn-RequestId} names the function's run.
 */
final class Invoke {

    /** Lambda's limit on a synchronous invocation's payload. */
    static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private final FunctionHost host;
    private final String region;
    private final ObjectMapper json;

    Invoke(FunctionHost host, String region, ObjectMapper json) {
        this.host = host;
        this.region = region;
        this.json = json;
    }

    CompletionStage<AwsReply> run(AwsRequest request, String functionNameSegment) {
        String functionName = FunctionName.of(functionNameSegment, QueryString.parse(request.rawQuery()).get("Qualifier"), region);
        String functionArn = FunctionName.arn(functionName, region);
        request.authorize("lambda:InvokeFunction", functionArn);
        if (!host.hosts(functionName)) {
            throw FunctionName.notFound(functionArn);
        }
        InvocationType type = InvocationType.of(request.header("x-amz-invocation-type"));
        boolean tail = tailRequested(request.header("x-amz-log-type"));
        byte[] payload = checkedPayload(request.body());
        return switch (type) {
            case DRY_RUN -> CompletableFuture.completedFuture(new AwsReply(204, Map.of(), new byte[0]));
            case EVENT -> {
                // Lambda queues an event and answers at once; the function's outcome is only in its log.
                host.enqueue(functionName, request.requestId(), payload);
                yield CompletableFuture.completedFuture(new AwsReply(202, Map.of(), new byte[0]));
            }
            case REQUEST_RESPONSE -> {
                LogTail log = new LogTail();
                yield host.invoke(functionName, request.requestId(), payload, log)
                        .thenApply(invocation -> reply(invocation, tail ? log : null));
            }
        };
    }

    private AwsReply reply(Invocation invocation, LogTail tail) {
        if (invocation instanceof Invocation.Throttled throttled) {
            throw new AwsException(429, "TooManyRequestsException", throttled.message())
                    .withField("Reason", throttled.reason().awsName());
        }
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", LambdaApi.CONTENT_TYPE, "X-Amz-Executed-Version", "$LATEST"));
        if (tail != null) {
            headers.put("X-Amz-Log-Result", tail.base64());
        }
        if (invocation instanceof Invocation.Returned returned) {
            return new AwsReply(200, headers, returned.payload());
        }
        headers.put("X-Amz-Function-Error", "Unhandled");
        byte[] errorPayload = invocation instanceof Invocation.Failed failed
                ? failed.errorPayload()
                : json.createObjectNode().put("errorType", "Sandbox.Timedout")
                        .put("errorMessage", ((Invocation.TimedOut) invocation).message())
                        .toString().getBytes(StandardCharsets.UTF_8);
        return new AwsReply(200, headers, errorPayload);
    }

    private static boolean tailRequested(String logType) {
        if (logType == null || logType.equals("None")) {
            return false;
        }
        if (logType.equals("Tail")) {
            return true;
        }
        throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + logType
                + "' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]");
    }

    private byte[] checkedPayload(byte[] body) {
        if (body.length > MAX_PAYLOAD_BYTES) {
            throw new AwsException(413, "RequestTooLargeException",
                    "Request must be smaller than " + MAX_PAYLOAD_BYTES + " bytes for the InvokeFunction operation");
        }
        if (body.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            json.readTree(body);
            return body;
        } catch (JsonProcessingException e) {
            throw new AwsException(400, "InvalidRequestContentException",
                    "Could not parse request body into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AwsException(400, "InvalidRequestContentException", "Could not parse request body into json");
        }
    }
}
