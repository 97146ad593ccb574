package dev.lingogate.gateway.response;

import java.util.LinkedHashMap;
import java.util.Map;

/** A step of the request's path refuses to go on; the client gets the error's answer. */
public final class RequestRejected extends RuntimeException {

  private final GatewayError error;
  private final long retryAfterSeconds;
  private final String clientMessage;
  private final Map<String, String> headers = new LinkedHashMap<>();

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
    headers.forEach(response.headers()::add);
    return response;
  }

  /** Adds a header to the answer, such as a 401's {@code www-authenticate} challenge. */
  public RequestRejected withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public GatewayError error() {
    return error;
  }
}
