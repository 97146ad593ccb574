package dev.lingogate.gateway.request;

import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * Everything about one HTTP request that goes into a proxy event, read once from the connection.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQueryString the query as sent without '?', empty when none
 * @param domainName the Host header without its port
 * @param body the request body, empty when none
 */
public record IncomingRequest(String requestId, long receivedAtMillis, String method, String rawPath,
                              String rawQueryString, QueryParameters query, RequestHeaders headers,
                              byte[] body, String sourceIp, String protocol, String domainName) {

  /** Reads the request once its body is in. */
  public static IncomingRequest from(HttpServerRequest http, String requestId, long receivedAtMillis, byte[] body) {
    String rawQuery = http.query() == null ? "" : http.query();
    QueryParameters query;
    try {
      query = QueryParameters.parse(rawQuery);
    } catch (IllegalArgumentException e) {
      throw new RequestRejected(GatewayError.BAD_REQUEST, "malformed query string: " + e.getMessage());
    }
    HostAndPort authority = http.authority();
    return new IncomingRequest(requestId, receivedAtMillis, http.method().name(), http.path(), rawQuery, query,
        new RequestHeaders(http.headers()), body, sourceIp(http), protocol(http.version()),
        authority == null ? "localhost" : authority.host());
  }

  /**
   * The client's IP address as text, or null when it has none (a Unix socket). Its host, not its
   * hostAddress: for an accepted connection both are the literal address, but the host was written
   * once for the connection, while hostAddress writes it anew for every request.
   */
  public static String sourceIp(HttpServerRequest http) {
    SocketAddress remote = http.remoteAddress();
    return remote == null ? null : remote.host();
  }

  /** The protocol as events and access logs name it: {@code HTTP/1.1}. */
  public static String protocol(HttpVersion version) {
    return switch (version) {
      case HTTP_1_0 -> "HTTP/1.0";
      case HTTP_1_1 -> "HTTP/1.1";
      case HTTP_2 -> "HTTP/2.0";
    };
  }

  /** The same request with its body, once it has been read. */
  public IncomingRequest withBody(byte[] newBody) {
    if (newBody.length == 0 && body.length == 0) {
      return this;
    }
    return new IncomingRequest(requestId, receivedAtMillis, method, rawPath, rawQueryString, query, headers, newBody,
        sourceIp, protocol, domainName);
  }

  public String userAgent() {
    return headers.last("user-agent");
  }

  public String contentType() {
    return headers.last("content-type");
  }
}
