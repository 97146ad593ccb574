package dev.lingogate.gateway.response;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** The answers the gateway itself gives, worded as Amazon API Gateway words them. */
public enum GatewayError {
  BAD_REQUEST(400, "Bad Request"),
  /** The body does not fit the route's request model. */
  INVALID_REQUEST_BODY(400, "Invalid request body"),
  /** The authorizer's identity source is missing or empty, the token is invalid, or the authorizer said so. */
  UNAUTHORIZED(401, "Unauthorized"),
  /** No API key, an unknown or disabled one, or one in no usage plan of the API. */
  FORBIDDEN(403, "Forbidden"),
  MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token"),
  /**
   * A Lambda authorizer's policy denies the request by a Deny statement (REST APIs). The key is
   * {@code message} in lower case like every other gateway answer, as AWS's knowledge center shows it
   * ("How do I troubleshoot HTTP 403 Forbidden errors when using a Lambda authorizer with an API
   * Gateway REST API?"); older answers spelled it {@code Message}.
   */
  EXPLICIT_DENY(403, "User is not authorized to access this resource with an explicit deny"),
  /** A Lambda authorizer's policy has no statement allowing the request (REST APIs). */
  IMPLICIT_DENY(403, "User is not authorized to access this resource"),
  NOT_FOUND(404, "Not Found"),
  REQUEST_TOO_LONG(413, "Request Too Long"),
  URI_TOO_LONG(414, "Request-URI Too Long"),
  THROTTLED(429, "Too Many Requests"),
  /**
   * The bodies of the requests under way fill the gateway's budget: this one is refused unread, in
   * the words of API Gateway's own throttling, which clients retry.
   */
  BODY_BUDGET_FULL(429, "Too Many Requests"),
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
  /**
   * A Lambda authorizer failed, timed out or answered something that is not an authorization: a
   * REST API answers 500 with a null message (AuthorizerConfigurationException).
   */
  AUTHORIZER_FAILED(500, null),
  /** The HTTP service behind an http_proxy route could not be reached (REST APIs). */
  ENDPOINT_UNREACHABLE(500, "Internal server error"),
  /** The HTTP service behind an http_proxy route could not be reached (HTTP APIs). */
  SERVICE_UNAVAILABLE(503, "Service Unavailable"),
  INTEGRATION_TIMED_OUT(504, "Endpoint request timed out");

  private final int status;
  private final String message;
  private final Buffer body;

  GatewayError(int status, String message) {
    this.status = status;
    this.message = message;
    this.body = messageBody(message);
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  public GatewayResponse response() {
    return new GatewayResponse(status, jsonHeaders(), body.copy(), leavesBodyUnread());
  }

  /** This error's status with another message, such as the names of the missing parameters. */
  public GatewayResponse response(String otherMessage) {
    return new GatewayResponse(status, jsonHeaders(), messageBody(otherMessage), leavesBodyUnread());
  }

  /** Refused for its body's size, the request's body stays unread: the connection cannot carry another request. */
  private boolean leavesBodyUnread() {
    return this == REQUEST_TOO_LONG || this == BODY_BUDGET_FULL;
  }

  private static Buffer messageBody(String message) {
    return Buffer.buffer(message == null ? "{\"message\":null}"
        : "{\"message\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(message)) + "\"}");
  }

  private static MultiMap jsonHeaders() {
    return MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
  }
}
