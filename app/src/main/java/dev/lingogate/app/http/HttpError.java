package dev.lingogate.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served as asked, carrying the HTTP status and words that tell the
 * client why. Thrown anywhere below a handler and turned into a response by {@link Endpoint}.
 * No stack trace is captured: this is an expected outcome, not a fault.
 */
public class HttpError extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public HttpError(int status, String message) {
        this(status, message, Map.of());
    }

    public HttpError(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError methodNotAllowed(String method, List<String> allowed) {
        String allow = String.join(", ", allowed);
        return new HttpError(405, "Method " + method + " is not allowed here; use " + allow, Map.of("Allow", allow));
    }

    public static HttpError unsupportedMediaType(String contentType) {
        return new HttpError(415, "Content-Type " + contentType + " is not supported; send application/json");
    }

    /** The engine behind us is busy or down: the client may retry after a short pause. */
    public static HttpError serviceUnavailable(String message, int retryAfterSeconds) {
        return new HttpError(503, message, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return new LinkedHashMap<>(headers);
    }
}
