package dev.lingogate.gateway.integration;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.GatewayResponse;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.routing.RouteMatch;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Forwards a request to the HTTP service of an {@code http_proxy} route and answers with what it
 * answered: the request's headers and body go on with {@code X-Forwarded-For/Proto/Port} added,
 * hop-by-hop headers stay behind both ways. Each event loop keeps its own keep-alive connections
 * ({@link UpstreamConnections}), so a request and its forwarded copy never change threads.
 */
public final class HttpProxyIntegration {

  /**
   * Headers that belong to one connection, not to the message (RFC 9110 7.6.1), and the length the
   * sender sets. Compared as they come off the wire, without making a String of each name.
   */
  private static final List<AsciiString> HOP_BY_HOP = Stream.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
      "content-length", "expect").map(AsciiString::cached).toList();

  private static final String FORWARDED_FOR = "x-forwarded-for";
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
   *     500 (REST) or 503 (HTTP APIs) when it cannot be reached
   */
  public Future<GatewayResponse> forward(HttpProxyTarget target, RouteMatch match, IncomingRequest request,
                                         HttpServerRequest http) {
    ForwardingAddress address = addresses.computeIfAbsent(target, ForwardingAddress::new);
    long timeoutMillis = target.timeout() == null ? defaultTimeoutMillis : target.timeout().toMillis();
    HttpMethod method = target.method() == null ? HttpMethod.valueOf(http.method().name()) : HttpMethod.valueOf(target.method());
    FullHttpRequest forwarded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
        address.pathAndQuery(match.pathParameters(), request.rawQueryString()),
        Unpooled.wrappedBuffer(request.body()), forwardedHeaders(http, request, address), EmptyHttpHeaders.INSTANCE);
    Promise<GatewayResponse> answer = Promise.promise();
    connections.send(address, forwarded, timeoutMillis, (response, failure) -> {
      if (failure != null) {
        answer.fail(rejection(failure, address, timeoutMillis));
        return;
      }
      try {
        answer.complete(answerOf(response));
      } finally {
        response.release();
      }
    });
    return answer.future();
  }

  private static HttpHeaders forwardedHeaders(HttpServerRequest http, IncomingRequest request,
                                              ForwardingAddress address) {
    HttpHeaders headers = new DefaultHttpHeaders(false);
    MultiMap incoming = http.headers();
    // forEach, not an iterator: it hands over the names and values without an entry object for each.
    incoming.forEach((name, value) -> {
      if (!name.equalsIgnoreCase(FORWARDED_FOR) && !isHopByHop(name)) {
        headers.add(name, value);
      }
    });
    String client = request.sourceIp();
    headers.add(FORWARDED_FOR, incoming.contains(FORWARDED_FOR)
        ? String.join(", ", incoming.getAll(FORWARDED_FOR)) + ", " + client
        : client);
    headers.add("x-forwarded-proto", http.isSSL() ? "https" : "http");
    headers.add("x-forwarded-port", Integer.toString(http.localAddress().port()));
    headers.add(HttpHeaderNames.HOST, address.hostHeader());
    headers.add(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
    return headers;
  }

  private static boolean isHopByHop(CharSequence name) {
    for (AsciiString hopByHop : HOP_BY_HOP) {
      if (hopByHop.contentEqualsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static GatewayResponse answerOf(FullHttpResponse response) {
    // Names and values stay the decoder's own character sequences all the way to the client's socket.
    MultiMap headers = io.vertx.core.http.HttpHeaders.headers();
    Iterator<Map.Entry<CharSequence, CharSequence>> answered = response.headers().iteratorCharSequence();
    while (answered.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = answered.next();
      if (!isHopByHop(header.getKey()) && !REQUEST_ID.contentEqualsIgnoreCase(header.getKey())) {
        headers.add(header.getKey(), header.getValue());
      }
    }
    return new GatewayResponse(response.status().code(), headers, Buffer.buffer(ByteBufUtil.getBytes(response.content())));
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
