package dev.lingogate.gateway;

import dev.lingogate.gateway.admission.Admission;
import dev.lingogate.gateway.cors.CorsPolicy;
import dev.lingogate.gateway.http.RequestFlow;
import dev.lingogate.gateway.integration.FunctionInvoker;
import dev.lingogate.gateway.integration.Integration;
import dev.lingogate.gateway.observability.AdminServer;
import dev.lingogate.gateway.observability.GatewayMetrics;
import dev.lingogate.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The API gateway: an HTTP server that routes each request to a function as a Lambda proxy event
 * and answers with what the function returned, the way Amazon API Gateway does.
 */
public final class Gateway {

  /** How long a stop waits beyond the integration timeout for answers still under way. */
  private static final long DRAIN_MARGIN_MILLIS = 1_000;

  private final Vertx vertx;
  private final GatewayOptions options;
  private final RequestFlow flow;
  private final AdminServer admin;
  private HttpServer server;

  /** @throws IllegalArgumentException when a route's path template is malformed */
  public Gateway(Vertx vertx, GatewayOptions options, List<Route> routes, FunctionInvoker invoker) {
    this(vertx, options, routes, ApiSettings.none(), invoker);
  }

  /**
   * @throws IllegalArgumentException when a route's path template is malformed, or a route requires
   *     an API key and the settings hold no key store
   */
  public Gateway(Vertx vertx, GatewayOptions options, List<Route> routes, ApiSettings settings,
                 FunctionInvoker invoker) {
    this.vertx = vertx;
    this.options = options;
    GatewayMetrics metrics = new GatewayMetrics();
    this.admin = new AdminServer(vertx, metrics);
    this.flow = new RequestFlow(vertx, options, new RouteTable(routes),
        CorsPolicy.of(settings.cors(), options.apiKind()),
        new Admission(routes, settings.apiKeys(), settings.usagePlans(), settings.methodThrottling(), Clock.systemUTC()),
        new Integration(vertx, invoker, options.integrationTimeout()), metrics);
  }

  public Future<Void> start() {
    if (server != null) {
      return Future.failedFuture(new IllegalStateException("the gateway is already started"));
    }
    // 100-continue is answered only after the body limit check, so an oversized upload is never sent.
    // HTTP/1.x only: the limits here close a connection on an oversized body, which over HTTP/2
    // would cut every other stream of the client.
    HttpServerOptions http = new HttpServerOptions()
        .setHandle100ContinueAutomatically(false)
        .setHttp2ClearTextEnabled(false);
    server = vertx.createHttpServer(http)
        .requestHandler(flow)
        .invalidRequestHandler(flow::handleInvalid);
    Future<Void> listening = server.listen(options.port(), options.host()).mapEmpty();
    return options.adminPort() == GatewayOptions.NO_ADMIN_PORT
        ? listening
        : listening.compose(started -> admin.start(options.adminPort()));
  }

  /** The port of the metrics endpoint on 127.0.0.1; the actual one when started on port 0. */
  public int adminPort() {
    if (server == null || options.adminPort() == GatewayOptions.NO_ADMIN_PORT) {
      throw new IllegalStateException("the gateway is not started with an admin port");
    }
    return admin.port();
  }

  /** The port the gateway listens on; the actual one when started on port 0. */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("the gateway is not started");
    }
    return server.actualPort();
  }

  /** Stops accepting requests and closes once those under way are answered (or have timed out). */
  public Future<Void> stop() {
    if (server == null) {
      return Future.succeededFuture();
    }
    HttpServer stopping = server;
    server = null;
    return stopping.shutdown(options.integrationTimeout().toMillis() + DRAIN_MARGIN_MILLIS, TimeUnit.MILLISECONDS)
        .compose(drained -> admin.stop());
  }
}
