package dev.lingogate.iam.sigv4;

/**
 * A request whose signature does not authenticate it. The error code and message are AWS's own
 * (for example {@code UnrecognizedClientException}), so that the edge can answer as AWS does.
 */
public final class SignatureException extends Exception {

    private final String errorCode;

    public SignatureException(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
