package dev.lingogate.lambda.runtime.client;

import com.amazonaws.services.lambda.runtime.api.client.UserFault;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaError;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClientImpl;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeClientException;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeClientMaxRetriesExceededException;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The runtime interface client's {@link LambdaRuntimeApiClient} in Java: the same requests, headers,
 * answers and exceptions as its own {@code LambdaRuntimeApiClientImpl}, over a kept-alive connection
 * of each runtime loop's thread instead of its JNI library around libcurl.
 */
public final class JavaRuntimeApiClient implements LambdaRuntimeApiClient {

    private static final String VERSION = "/2018-06-01/runtime";
    /** The Runtime API's limit on the X-Ray error cause header; a larger cause is left out, as the official client does. */
    private static final int XRAY_ERROR_CAUSE_MAX_HEADER_BYTES = 1024 * 1024;
    /** The official client's back-off while fetching the next event: from 100 ms, doubling to 32 s at most, 5 tries. */
    private static final long INITIAL_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 32_768;
    private static final int MAX_TRIES = 5;

    private final String hostAndPort;
    private final InetSocketAddress address;
    private final String userAgent;
    private final byte[] nextRequest;
    /** A loop thread's own connection: a multi-concurrent runtime runs several loops at once. */
    private final ThreadLocal<RuntimeApiConnection> connections;

    /** @param hostAndPort the value of {@code AWS_LAMBDA_RUNTIME_API} */
    public JavaRuntimeApiClient(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not host:port: " + hostAndPort);
        }
        this.hostAndPort = hostAndPort;
        this.address = new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
        // The official client's User-Agent, so that the host sees the same requests from either.
        this.userAgent = String.format("aws-lambda-java/%s-%s", System.getProperty("java.vendor.version"),
                LambdaRuntimeApiClientImpl.class.getPackage().getImplementationVersion());
        this.nextRequest = head("GET", VERSION + "/invocation/next", null, -1).getBytes(StandardCharsets.UTF_8);
        this.connections = ThreadLocal.withInitial(() -> new RuntimeApiConnection(address));
    }

    @Override
    public InvocationRequest nextInvocation() {
        RuntimeApiConnection.Response response = exchangeOrFail(ByteBuffer.wrap(nextRequest), "Failed to get next.");
        if (response.status() != 200) {
            throw new LambdaRuntimeClientException("Failed to get next.", response.status());
        }
        InvocationRequest invocation = new InvocationRequest();
        // The header names and the empty defaults of the native client this one replaces.
        invocation.setId(orEmpty(response.header("lambda-runtime-aws-request-id")));
        invocation.setInvokedFunctionArn(orEmpty(response.header("lambda-runtime-invoked-function-arn")));
        invocation.setDeadlineTimeInMs(deadline(response.header("lambda-runtime-deadline-ms")));
        invocation.setXrayTraceId(response.header("lambda-runtime-trace-id"));
        invocation.setClientContext(response.header("lambda-runtime-client-context"));
        invocation.setCognitoIdentity(response.header("lambda-runtime-cognito-identity"));
        invocation.setTenantId(response.header("lambda-runtime-aws-tenant-id"));
        invocation.setContent(response.body());
        return invocation;
    }

    @Override
    public InvocationRequest nextInvocationWithExponentialBackoff(LambdaContextLogger logger) throws Exception {
        return LambdaRuntimeApiClientImpl.getSupplierResultWithExponentialBackoff(logger, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS,
                MAX_TRIES, this::nextInvocation,
                e -> String.format("Runtime Loop on Thread ID: %s Failed to fetch next invocation.\n%s",
                        Thread.currentThread().getName(), UserFault.trace(e)),
                new LambdaRuntimeClientMaxRetriesExceededException("Get Next Invocation"));
    }

    @Override
    public void reportInvocationSuccess(String requestId, byte[] response) {
        String path = VERSION + "/invocation/" + requestId + "/response";
        RuntimeApiConnection.Response answer = exchangeOrFail(request(head("POST", path, null, response.length), response),
                "Failed to post invocation response.");
        if (answer.status() / 100 != 2) {
            throw new LambdaRuntimeClientException("Failed to post invocation response.", answer.status());
        }
    }

    @Override
    public void reportInvocationError(String requestId, LambdaError error) throws IOException {
        reportError(VERSION + "/invocation/" + requestId + "/error", error);
    }

    @Override
    public void reportInitError(LambdaError error) throws IOException {
        reportError(VERSION + "/init/error", error);
    }

    @Override
    public void restoreNext() throws IOException {
        String path = VERSION + "/restore/next";
        int status = connections.get().exchange(ByteBuffer.wrap(head("GET", path, null, -1).getBytes(StandardCharsets.UTF_8))).status();
        if (status != 200) {
            throw new LambdaRuntimeClientException(url(path), status);
        }
    }

    @Override
    public void reportRestoreError(LambdaError error) throws IOException {
        reportError(VERSION + "/restore/error", error);
    }

    private void reportError(String path, LambdaError error) throws IOException {
        StringBuilder headers = new StringBuilder("Lambda-Runtime-Function-Error-Type: ")
                .append(error.errorType.getRapidError()).append("\r\n");
        if (error.xRayErrorCause != null) {
            byte[] cause = DtoSerializers.serialize(error.xRayErrorCause);
            if (cause != null && cause.length < XRAY_ERROR_CAUSE_MAX_HEADER_BYTES) {
                headers.append("Lambda-Runtime-Function-XRay-Error-Cause: ")
                        .append(new String(cause, StandardCharsets.UTF_8)).append("\r\n");
            }
        }
        byte[] body = DtoSerializers.serialize(error.errorRequest);
        int status = connections.get().exchange(request(head("POST", path, headers, body.length), body)).status();
        if (status != 202) {
            throw new LambdaRuntimeClientException(url(path), status);
        }
    }

    private RuntimeApiConnection.Response exchangeOrFail(ByteBuffer request, String failure) {
        return exchangeOrFail(new ByteBuffer[] {request}, failure);
    }

    /**
     * An exchange whose transport failure is the official client's {@link LambdaRuntimeClientException}
     * with status -1 (libcurl's "request not made"), which the runtime loop reports and survives.
     */
    private RuntimeApiConnection.Response exchangeOrFail(ByteBuffer[] request, String failure) {
        try {
            return connections.get().exchange(request);
        } catch (IOException e) {
            LambdaRuntimeClientException failed = new LambdaRuntimeClientException(failure + " " + e.getMessage(), -1);
            failed.initCause(e);
            throw failed;
        }
    }

    private static ByteBuffer[] request(String head, byte[] body) {
        return new ByteBuffer[] {ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(body)};
    }

    /** A request's head; {@code contentLength} -1 for a request without a body. */
    private String head(String method, String path, CharSequence extraHeaders, int contentLength) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostAndPort).append("\r\n")
                .append("User-Agent: ").append(userAgent).append("\r\n");
        if (extraHeaders != null) {
            head.append(extraHeaders);
        }
        if (contentLength >= 0) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private String url(String path) {
        return "http://" + hostAndPort + path;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static long deadline(String millis) {
        if (millis == null) {
            return 0;
        }
        try {
            return Long.parseLong(millis);
        } catch (NumberFormatException e) {
            throw new LambdaRuntimeClientException("Failed to get next. Malformed Lambda-Runtime-Deadline-Ms: " + millis, 200);
        }
    }
}
