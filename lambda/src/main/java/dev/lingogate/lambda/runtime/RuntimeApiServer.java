package dev.lingogate.lambda.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) for one execution environment, on an ephemeral port
 * of 127.0.0.1: one server per environment tells environments apart by port alone, as the runtime
 * knows nothing but {@code AWS_LAMBDA_RUNTIME_API}.
 */
public final class RuntimeApiServer {

    /** Lambda's limit on a synchronous response. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final String NEXT = "/2018-06-01/runtime/invocation/next";
    private static final String INIT_ERROR = "/2018-06-01/runtime/init/error";
    private static final Pattern INVOCATION_ANSWER =
            Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final RuntimeApi api;
    private HttpServer server;

    public RuntimeApiServer(Vertx vertx, RuntimeApi api) {
        this.vertx = vertx;
        this.api = api;
    }

    public Future<Void> start() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        return server.requestHandler(this::handle).listen().mapEmpty();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.actualPort();
    }

    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && NEXT.equals(path)) {
            HttpServerResponse response = request.response();
            api.nextRequested(event -> deliver(response, event));
            return;
        }
        if (request.method() != HttpMethod.POST) {
            answer(request.response(), 404, "UnknownPath", "Not found: " + request.method() + " " + path);
            return;
        }
        Matcher answer = INVOCATION_ANSWER.matcher(path);
        if (INIT_ERROR.equals(path)) {
            readBody(request).onSuccess(body -> {
                api.initFailed(request.getHeader("Lambda-Runtime-Function-Error-Type"), body.bytes());
                accepted(request.response());
            });
        } else if (answer.matches()) {
            String requestId = answer.group(1);
            boolean isError = "error".equals(answer.group(2));
            readBody(request).onSuccess(body -> answerInvocation(request, requestId, isError, body));
        } else {
            answer(request.response(), 404, "UnknownPath", "Not found: POST " + path);
        }
    }

    private void answerInvocation(HttpServerRequest request, String requestId, boolean isError, Body body) {
        HttpServerResponse response = request.response();
        boolean known;
        if (body.tooLarge()) {
            String message = "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).";
            known = api.failed(requestId, "Function.ResponseSizeTooLarge", errorDocument("Function.ResponseSizeTooLarge", message));
            if (known) {
                answer(response, 413, "RequestEntityTooLarge", message);
                return;
            }
        } else if (isError) {
            known = api.failed(requestId, request.getHeader("Lambda-Runtime-Function-Error-Type"), body.bytes());
        } else {
            known = api.responded(requestId, body.bytes());
        }
        if (known) {
            accepted(response);
        } else {
            answer(response, 400, "InvalidRequestID", "Invalid request ID");
        }
    }

    private static void deliver(HttpServerResponse response, InvocationEvent event) {
        if (response.closed()) {
            return;
        }
        // The runtime interface client's native HTTP client crashes (SIGSEGV) on a next event
        // without Content-Type: every header Lambda sends is always present.
        response.putHeader("Content-Type", "application/json")
                .putHeader("Lambda-Runtime-Aws-Request-Id", event.requestId())
                .putHeader("Lambda-Runtime-Deadline-Ms", Long.toString(event.deadlineEpochMillis()))
                .putHeader("Lambda-Runtime-Invoked-Function-Arn", event.invokedFunctionArn())
                .putHeader("Lambda-Runtime-Trace-Id", event.traceId())
                .end(Buffer.buffer(event.payload()));
    }

    private static void accepted(HttpServerResponse response) {
        response.setStatusCode(202).putHeader("Content-Type", "application/json").end("{\"status\":\"OK\"}");
    }

    private static void answer(HttpServerResponse response, int status, String errorType, String message) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new String(errorDocument(errorType, message), StandardCharsets.UTF_8));
    }

    private static byte[] errorDocument(String errorType, String message) {
        return JSON.createObjectNode().put("errorMessage", message).put("errorType", errorType).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private record Body(byte[] bytes, boolean tooLarge) {}

    /** Reads a body up to Lambda's response limit, and only notes that a larger one was too large. */
    private static Future<Body> readBody(HttpServerRequest request) {
        Promise<Body> read = Promise.promise();
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_RESPONSE_BYTES) {
                tooLarge[0] = true;
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> read.tryComplete(new Body(tooLarge[0] ? new byte[0] : body.getBytes(), tooLarge[0])));
        request.exceptionHandler(read::tryFail);
        return read.future();
    }
}
