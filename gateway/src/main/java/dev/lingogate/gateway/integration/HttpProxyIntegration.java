package dev.lingogate.gateway.integration;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.GatewayResponse;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.routing.RouteMatch;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.AsciiString;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a request to the HTTP service of an {@code http_proxy} route and answers with what it
 * answered: the request's headers and body go on with {@code X-Forwarded-For/Proto/Port} added,
 * hop-by-hop headers (and those a Connection header names) stay behind both ways. Each event loop
 * keeps its own keep-alive connections ({@link UpstreamConnections}), so a request and its
 * forwarded copy never change threads.
 */
public final class HttpProxyIntegration {

  private static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-requestid");

  private final long defaultTimeoutMillis;
  private final ApiKind kind;
  private final UpstreamConnections connections;
  private final Map<HttpProxyTarget, ForwardingAddress> addresses = new ConcurrentHashMap<>();

  /** @param idleConnectionsPerLoop the most idle keep-alive connections kept to one service, per event loop */
  public HttpProxyIntegration(Vertx vertx, Duration defaultTimeout, ApiKind kind, int idleConnectionsPerLoop) {
    this.defaultTimeoutMillis = defaultTimeout.toMillis();
    this.kind = kind;
    this.connections = new UpstreamConnections((VertxInternal) vertx, idleConnectionsPerLoop);
  }

  /**
   * The service's answer to the forwarded request.
   *
   * @throws RequestRejected (as the future's failure) with 504 when it does not answer in time,
   *     500 (REST) or 503 (HTTP APIs) when it cannot be reached or its answer cannot be passed on
   *     ({@link UnacceptableAnswer})
   */
  public Future<GatewayResponse> forward(HttpProxyTarget target, RouteMatch match, IncomingRequest request,
                                         HttpServerRequest http) {
    ForwardingAddress address = addresses.computeIfAbsent(target, ForwardingAddress::new);
    long timeoutMillis = target.timeout() == null ? defaultTimeoutMillis : target.timeout().toMillis();
    HttpMethod method = HttpMethod.valueOf(target.method() == null ? http.method().name() : target.method());
    UpstreamRequest forwarded = new UpstreamRequest(method,
        address.pathAndQuery(match.pathParameters(), request.rawQueryString()), http.headers(),
        forwardedFor(http.headers(), request.sourceIp()), http.isSSL() ? "https" : "http",
        http.localAddress().port(), address.hostHeader(), request.body());
    Promise<GatewayResponse> answer = Promise.promise();
    connections.send(address, forwarded, timeoutMillis, (answered, failure) -> {
      if (failure != null) {
        answer.fail(rejection(failure, address, timeoutMillis));
      } else {
        // The gateway's own request id names the request to the client, not the service's.
        answer.complete(new GatewayResponse(answered.status(), answered.headers().remove(REQUEST_ID), answered.body()));
      }
    });
    return answer.future();
  }

  /** The addresses the request has come through, as the client's X-Forwarded-For lists them, then the client's own. */
  private static String forwardedFor(MultiMap headers, String client) {
    return headers.contains(UpstreamRequest.X_FORWARDED_FOR)
        ? String.join(", ", headers.getAll(UpstreamRequest.X_FORWARDED_FOR)) + ", " + client
        : client;
  }

  private RequestRejected rejection(Throwable failure, ForwardingAddress address, long timeoutMillis) {
    if (failure instanceof TimeoutException) {
      return new RequestRejected(GatewayError.INTEGRATION_TIMED_OUT,
          "no answer from " + address + " within " + timeoutMillis + " ms");
    }
    return new RequestRejected(kind == ApiKind.REST ? GatewayError.ENDPOINT_UNREACHABLE : GatewayError.SERVICE_UNAVAILABLE,
        "forwarding to " + address + " failed: " + failure);
  }

  public Future<Void> close() {
    return connections.close();
  }
}
