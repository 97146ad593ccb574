package dev.lingogate.gateway.integration;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.GatewayResponse;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.routing.RouteMatch;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Forwards a request to the HTTP service of an {@code http_proxy} route and answers with what it
 * answered: the request's headers and body go on with {@code X-Forwarded-For/Proto/Port} added,
 * hop-by-hop headers stay behind both ways. Each event loop has its own client with a pool of
 * keep-alive connections, so a request and its forwarded copy never change threads.
 */
public final class HttpProxyIntegration {

  /** Headers that belong to one connection, not to the message (RFC 9110 7.6.1), and the length the sender sets. */
  private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    HOP_BY_HOP.addAll(List.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect"));
  }

  private static final String FORWARDED_FOR = "x-forwarded-for";

  private final Vertx vertx;
  private final long defaultTimeoutMillis;
  private final ApiKind kind;
  private final int connectionsPerLoop;
  /** By event loop thread: each request runs on its own duplicate of the loop's context, the thread is what stays. */
  private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<HttpProxyTarget, ForwardingAddress> addresses = new ConcurrentHashMap<>();

  /** @param connectionsPerLoop the largest pool of connections to one service, per event loop */
  public HttpProxyIntegration(Vertx vertx, Duration defaultTimeout, ApiKind kind, int connectionsPerLoop) {
    this.vertx = vertx;
    this.defaultTimeoutMillis = defaultTimeout.toMillis();
    this.kind = kind;
    this.connectionsPerLoop = connectionsPerLoop;
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
    RequestOptions options = new RequestOptions()
        .setMethod(target.method() == null ? http.method() : HttpMethod.valueOf(target.method()))
        .setHost(address.host())
        .setPort(address.port())
        .setSsl(address.ssl())
        .setURI(address.pathAndQuery(match.pathParameters(), request.rawQueryString()))
        .setHeaders(forwardedHeaders(http, request))
        .setIdleTimeout(timeoutMillis);
    return client()
        .request(options)
        .compose(forwarded -> forwarded.send(Buffer.buffer(request.body())))
        .compose(HttpProxyIntegration::answer)
        .recover(failure -> Future.failedFuture(rejection(failure, address, timeoutMillis)));
  }

  private HttpClient client() {
    Thread loop = Thread.currentThread();
    HttpClient client = clients.get(loop);
    if (client == null) {
      client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
          .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(connectionsPerLoop));
      clients.put(loop, client);
    }
    return client;
  }

  private static MultiMap forwardedHeaders(HttpServerRequest http, IncomingRequest request) {
    MultiMap headers = HttpHeaders.headers();
    String forwardedFor = null;
    for (Map.Entry<String, String> header : http.headers()) {
      String name = header.getKey();
      if (name.equalsIgnoreCase(FORWARDED_FOR)) {
        forwardedFor = forwardedFor == null ? header.getValue() : forwardedFor + ", " + header.getValue();
      } else if (!isHopByHop(name)) {
        headers.add(name, header.getValue());
      }
    }
    String client = request.sourceIp();
    headers.add(FORWARDED_FOR, forwardedFor == null ? client : forwardedFor + ", " + client);
    headers.add("x-forwarded-proto", http.isSSL() ? "https" : "http");
    headers.add("x-forwarded-port", Integer.toString(http.localAddress().port()));
    return headers;
  }

  private static boolean isHopByHop(String name) {
    return HOP_BY_HOP.contains(name);
  }

  private static Future<GatewayResponse> answer(HttpClientResponse response) {
    return response.body().map(body -> {
      MultiMap headers = HttpHeaders.headers();
      for (Map.Entry<String, String> header : response.headers()) {
        if (!isHopByHop(header.getKey()) && !header.getKey().equalsIgnoreCase("x-amzn-requestid")) {
          headers.add(header.getKey(), header.getValue());
        }
      }
      return new GatewayResponse(response.statusCode(), headers, body);
    });
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
    List<Future<Void>> closing = new ArrayList<>();
    clients.values().forEach(client -> closing.add(client.close()));
    clients.clear();
    return Future.all(closing).mapEmpty();
  }
}
