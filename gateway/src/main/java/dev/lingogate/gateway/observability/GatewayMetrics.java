package dev.lingogate.gateway.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * API Gateway's CloudWatch metrics per route, kept for Prometheus: Count, 4XXError, 5XXError,
 * Latency (request in to response out) and IntegrationLatency (the function's part, per function).
 * Requests no route matched count under route "none".
 */
public final class GatewayMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Counts an answered request. */
  public void record(RequestRecord request, int status) {
    String route = request.route() == null ? "none" : request.route().routeKey();
    Counter.builder("gateway.requests").description("Requests answered (API Gateway's Count)")
        .tag("route", route).register(registry).increment();
    if (status >= 400 && status < 500) {
      Counter.builder("gateway.4xx.errors").description("Requests answered 4xx (4XXError)")
          .tag("route", route).register(registry).increment();
    } else if (status >= 500) {
      Counter.builder("gateway.5xx.errors").description("Requests answered 5xx (5XXError)")
          .tag("route", route).register(registry).increment();
    }
    Timer.builder("gateway.latency").description("From request received to response written (Latency)")
        .tag("route", route).register(registry)
        .record(System.nanoTime() - request.startedNanos(), TimeUnit.NANOSECONDS);
    if (request.integrationLatencyNanos() >= 0) {
      Timer.builder("gateway.integration.latency").description("Waiting for the function (IntegrationLatency)")
          .tag("route", route).tag("function", request.route().integrationName()).register(registry)
          .record(request.integrationLatencyNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** The metrics in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }
}
