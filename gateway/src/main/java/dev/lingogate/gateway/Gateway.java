package dev.lingogate.gateway;

import dev.lingogate.gateway.admission.Admission;
import dev.lingogate.gateway.authorization.Authorizers;
import dev.lingogate.gateway.cors.CorsPolicy;
import dev.lingogate.gateway.event.ProxyEvent;
import dev.lingogate.gateway.http.Listener;
import dev.lingogate.gateway.http.RequestFlow;
import dev.lingogate.gateway.integration.FunctionInvoker;
import dev.lingogate.gateway.integration.HttpProxyIntegration;
import dev.lingogate.gateway.integration.Integration;
import dev.lingogate.gateway.observability.AdminServer;
import dev.lingogate.gateway.observability.GatewayMetrics;
import dev.lingogate.gateway.openapi.Documentation;
import dev.lingogate.gateway.openapi.OpenApiDocument;
import dev.lingogate.gateway.routing.RouteTable;
import dev.lingogate.gateway.validation.RequestValidators;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API gateway: an HTTP server that routes each request to a function as a Lambda proxy event,
 * or to another HTTP service, and answers with what it answered, the way Amazon API Gateway does.
 */
public final class Gateway {

  /** How long a stop waits beyond the integration timeout for answers still under way. */
  private static final long DRAIN_MARGIN_MILLIS = 1_000;
  /** Idle keep-alive connections kept to one proxied service per event loop, as nginx's {@code keepalive 256}. */
  private static final int IDLE_PROXY_CONNECTIONS_PER_LOOP = 256;

  private final Vertx vertx;
  private final GatewayOptions options;
  private final RequestFlow flow;
  private final AdminServer admin;
  private final Authorizers authorizers;
  private final HttpProxyIntegration httpProxy;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private String deployment;
  private boolean started;

  /** @throws IllegalArgumentException when a route's path template is malformed */
  public Gateway(Vertx vertx, GatewayOptions options, List<Route> routes, FunctionInvoker invoker) {
    this(vertx, options, routes, ApiSettings.none(), invoker);
  }

  /**
   * @param invoker runs the routes' functions and the Lambda authorizers
   * @throws IllegalArgumentException when a route's path template is malformed, a route requires
   *     an API key and the settings hold no key store, a route names an authorizer the settings do
   *     not have, or a request model is not a JSON schema
   */
  public Gateway(Vertx vertx, GatewayOptions options, List<Route> routes, ApiSettings settings,
                 FunctionInvoker invoker) {
    this.vertx = vertx;
    this.options = options;
    GatewayMetrics metrics = new GatewayMetrics();
    this.admin = new AdminServer(vertx, metrics);
    ProxyEvent events = new ProxyEvent(options.stage(), settings.stageVariables(), settings.binaryMediaTypes());
    Integration integration = new Integration(vertx, invoker, options.integrationTimeout());
    this.authorizers = new Authorizers(vertx, routes, settings.authorizers(), settings.defaultAuthorizer(),
        options.apiKind(), options.stage(), settings.stageVariables(), integration, events);
    this.httpProxy = new HttpProxyIntegration(vertx, options.integrationTimeout(), options.apiKind(),
        IDLE_PROXY_CONNECTIONS_PER_LOOP);
    Documentation documentation = new Documentation(vertx, options.openApiPath(), options.docsPath(),
        new OpenApiDocument("lingogate", options.stage(), routes, settings));
    this.flow = new RequestFlow(vertx, options, new RouteTable(routes), documentation,
        CorsPolicy.of(settings.cors(), options.apiKind()), authorizers,
        new Admission(routes, settings.apiKeys(), settings.usagePlans(), settings.methodThrottling(), Clock.systemUTC(),
            settings.preflightNeedsApiKey()),
        new RequestValidators(routes), events, integration, httpProxy, metrics);
  }

  /** Listens with one listener per event loop, all on the same port (a port 0 is chosen once for all). */
  public Future<Void> start() {
    if (started) {
      return Future.failedFuture(new IllegalStateException("the gateway is already started"));
    }
    started = true;
    Future<Void> listening = vertx.deployVerticle(() -> {
      Listener listener = new Listener(options, options.port(), flow);
      listeners.add(listener);
      return listener;
    }, new DeploymentOptions().setInstances(options.eventLoops())).map(id -> {
      deployment = id;
      return null;
    });
    return options.adminPort() == GatewayOptions.NO_ADMIN_PORT
        ? listening
        : listening.compose(bound -> admin.start(options.adminPort()));
  }

  /** The port of the metrics endpoint on 127.0.0.1; the actual one when started on port 0. */
  public int adminPort() {
    if (listeners.isEmpty() || options.adminPort() == GatewayOptions.NO_ADMIN_PORT) {
      throw new IllegalStateException("the gateway is not started with an admin port");
    }
    return admin.port();
  }

  /** The port the gateway listens on; the actual one when started on port 0. */
  public int port() {
    if (listeners.isEmpty()) {
      throw new IllegalStateException("the gateway is not started");
    }
    return listeners.get(0).actualPort();
  }

  /** Stops accepting requests and closes once those under way are answered (or have timed out). */
  public Future<Void> stop() {
    if (deployment == null) {
      return Future.succeededFuture();
    }
    long graceMillis = options.integrationTimeout().toMillis() + DRAIN_MARGIN_MILLIS;
    List<Future<Void>> draining = new ArrayList<>();
    listeners.forEach(listener -> draining.add(listener.shutdown(graceMillis)));
    listeners.clear();
    String stopping = deployment;
    deployment = null;
    return Future.all(draining)
        .compose(drained -> vertx.undeploy(stopping))
        .compose(undeployed -> Future.all(httpProxy.close(), authorizers.close()))
        .compose(closed -> admin.stop());
  }
}
