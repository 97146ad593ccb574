package dev.lingogate.gateway.observability;

import dev.lingogate.gateway.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * API Gateway's CloudWatch metrics per route, kept for Prometheus: Count, 4XXError, 5XXError,
 * Latency (request in to response out) and IntegrationLatency (the function's part, per function).
 * Requests no route matched count under route "none".
 */
public final class GatewayMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /**
   * Registered once per route: looking meters up by name and tags costs more than counting. Found by
   * the route's identity (a record's hash walks all its fields), in a map that is replaced, never
   * changed, so that every request reads it without a lock.
   */
  private volatile Map<Route, RouteMeters> byRoute = new IdentityHashMap<>();
  private final RouteMeters unrouted;

  private final class RouteMeters {
    private final Counter requests;
    private final Counter clientErrors;
    private final Counter serverErrors;
    private final Timer latency;
    private final Timer integrationLatency;

    RouteMeters(Route route) {
      String key = route == null ? "none" : route.routeKey();
      requests = Counter.builder("gateway.requests").description("Requests answered (API Gateway's Count)")
          .tag("route", key).register(registry);
      clientErrors = Counter.builder("gateway.4xx.errors").description("Requests answered 4xx (4XXError)")
          .tag("route", key).register(registry);
      serverErrors = Counter.builder("gateway.5xx.errors").description("Requests answered 5xx (5XXError)")
          .tag("route", key).register(registry);
      latency = Timer.builder("gateway.latency").description("From request received to response written (Latency)")
          .tag("route", key).register(registry);
      integrationLatency = route == null ? null : Timer.builder("gateway.integration.latency")
          .description("Waiting for the function (IntegrationLatency)")
          .tag("route", key).tag("function", route.integrationName()).register(registry);
    }
  }

  public GatewayMetrics() {
    unrouted = new RouteMeters(null);
  }

  /** Counts an answered request. */
  public void record(RequestRecord request, int status) {
    RouteMeters meters = request.route() == null ? unrouted : metersOf(request.route());
    meters.requests.increment();
    if (status >= 400 && status < 500) {
      meters.clientErrors.increment();
    } else if (status >= 500) {
      meters.serverErrors.increment();
    }
    meters.latency.record(System.nanoTime() - request.startedNanos(), TimeUnit.NANOSECONDS);
    if (request.integrationLatencyNanos() >= 0) {
      meters.integrationLatency.record(request.integrationLatencyNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private RouteMeters metersOf(Route route) {
    RouteMeters meters = byRoute.get(route);
    return meters != null ? meters : register(route);
  }

  private synchronized RouteMeters register(Route route) {
    RouteMeters meters = byRoute.get(route);
    if (meters == null) {
      Map<Route, RouteMeters> more = new IdentityHashMap<>(byRoute);
      meters = new RouteMeters(route);
      more.put(route, meters);
      byRoute = more;
    }
    return meters;
  }

  /** A figure read when the metrics are scraped, such as what a bounded resource holds now. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** The metrics in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }
}
