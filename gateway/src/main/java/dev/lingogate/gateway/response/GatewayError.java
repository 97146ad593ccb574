package dev.lingogate.gateway.response;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** The answers the gateway itself gives, worded as Amazon API Gateway words them. */
public enum GatewayError {
  BAD_REQUEST(400, "Bad Request"),
  /** No API key, an unknown or disabled one, or one in no usage plan of the API. */
  FORBIDDEN(403, "Forbidden"),
  MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token"),
  NOT_FOUND(404, "Not Found"),
  REQUEST_TOO_LONG(413, "Request Too Long"),
  URI_TOO_LONG(414, "Request-URI Too Long"),
  THROTTLED(429, "Too Many Requests"),
  /** A usage plan's quota is used up for the period. */
  LIMIT_EXCEEDED(429, "Limit Exceeded"),
  HEADERS_TOO_LARGE(431, "Request Header Fields Too Large"),
  /** A v2 answer that is not JSON, or has an unusable statusCode (HTTP APIs). */
  INTERNAL_SERVER_ERROR(500, "Internal Server Error"),
  /** A function that failed or answered a malformed v1 response (REST APIs). */
  INTEGRATION_FAILED(502, "Internal server error"),
  /**
   * Lambda refused the invocation (throttled): API Gateway answers 500, not 429, and does not
   * retry ("Handling Lambda errors with an API Gateway API", Lambda developer guide).
   */
  INVOCATION_REFUSED(500, "Internal server error"),
  INTEGRATION_TIMED_OUT(504, "Endpoint request timed out");

  private final int status;
  private final String message;
  private final Buffer body;

  GatewayError(int status, String message) {
    this.status = status;
    this.message = message;
    this.body = Buffer.buffer("{\"message\":\"" + message + "\"}");
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  public GatewayResponse response() {
    // A 413 leaves the rest of the body unread: the connection cannot carry another request.
    return new GatewayResponse(status, jsonHeaders(), body.copy(), this == REQUEST_TOO_LONG);
  }

  private static MultiMap jsonHeaders() {
    return MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
  }
}
