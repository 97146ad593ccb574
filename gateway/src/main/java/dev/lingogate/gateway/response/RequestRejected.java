package dev.lingogate.gateway.response;

/** A step of the request's path refuses to go on; the client gets the error's answer. */
public final class RequestRejected extends RuntimeException {

  private final GatewayError error;
  private final long retryAfterSeconds;
  private final String clientMessage;

  public RequestRejected(GatewayError error, String reason) {
    this(error, reason, 0);
  }

  /** @param clientMessage what the client is told instead of the error's own message */
  public RequestRejected(GatewayError error, String reason, String clientMessage) {
    super(reason, null, false, false);
    this.error = error;
    this.retryAfterSeconds = 0;
    this.clientMessage = clientMessage;
  }

  /** @param retryAfterSeconds when the client may try again (a Retry-After header); 0 for no header */
  public RequestRejected(GatewayError error, String reason, long retryAfterSeconds) {
    super(reason, null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
    this.clientMessage = null;
  }

  /** The answer the client gets. */
  public GatewayResponse response() {
    GatewayResponse response = clientMessage == null ? error.response() : error.response(clientMessage);
    if (retryAfterSeconds > 0) {
      response.headers().add("retry-after", Long.toString(retryAfterSeconds));
    }
    return response;
  }

  public GatewayError error() {
    return error;
  }
}
