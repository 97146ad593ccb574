package dev.lingogate.edge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error as a client must see it: HTTP status, the error type name AWS uses (for example
 * {@code ResourceNotFoundException}) and its message; some errors carry more fields (DynamoDB's
 * {@code CancellationReasons}, Lambda's {@code Reason}). Each service's protocol decides how these
 * are written on the wire.
 */
public class AwsException extends RuntimeException {

    private final int status;
    private final String errorType;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public AwsException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    public static AwsException accessDenied(String message) {
        return new AwsException(400, "AccessDeniedException", message);
    }

    /** Adds a protocol field to the error body, e.g. {@code Item} on a failed DynamoDB condition. */
    public AwsException withField(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /**
     * Whether AWS raises this error in its front end, before a call reaches the service (signatures,
     * authorization, unknown operations, unreadable bodies): AWS names those in the
     * {@code com.amazon.coral.service} namespace, whatever the service.
     */
    public boolean raisedBeforeTheService() {
        return switch (errorType) {
            case "AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException",
                    "IncompleteSignatureException", "MissingAuthenticationTokenException",
                    "UnknownOperationException", "SerializationException" -> true;
            default -> false;
        };
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
