package dev.lingogate.gateway.response;

/** A step of the request's path refuses to go on; the client gets the error's answer. */
public final class RequestRejected extends RuntimeException {

  private final GatewayError error;
  private final long retryAfterSeconds;

  public RequestRejected(GatewayError error, String reason) {
    this(error, reason, 0);
  }

  /** @param retryAfterSeconds when the client may try again (a Retry-After header); 0 for no header */
  public RequestRejected(GatewayError error, String reason, long retryAfterSeconds) {
    super(reason, null, false, false);
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The answer the client gets. */
  public GatewayResponse response() {
    GatewayResponse response = error.response();
    if (retryAfterSeconds > 0) {
      response.headers().add("retry-after", Long.toString(retryAfterSeconds));
    }
    return response;
  }

  public GatewayError error() {
    return error;
  }
}
