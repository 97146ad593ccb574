package dev.lingogate.gateway.observability;

import dev.lingogate.gateway.Route;
import io.vertx.core.http.HttpServerRequest;

/**
 * What is known about one request by the time it is answered, filled in by the steps it passes:
 * the source of the access log line and the metrics.
 */
public final class RequestRecord {

  private final String requestId;
  private final long receivedAtMillis;
  private final long startedNanos;
  private final HttpServerRequest http;
  private Route route;
  private String apiKeyId;
  private long integrationLatencyNanos = -1;

  public RequestRecord(String requestId, HttpServerRequest http) {
    this.requestId = requestId;
    this.receivedAtMillis = System.currentTimeMillis();
    this.startedNanos = System.nanoTime();
    this.http = http;
  }

  public String requestId() {
    return requestId;
  }

  public long receivedAtMillis() {
    return receivedAtMillis;
  }

  long startedNanos() {
    return startedNanos;
  }

  HttpServerRequest http() {
    return http;
  }

  public void matched(Route matchedRoute) {
    this.route = matchedRoute;
  }

  public void admittedWithKey(String keyId) {
    this.apiKeyId = keyId;
  }

  public void integrationTook(long nanos) {
    this.integrationLatencyNanos = nanos;
  }

  /** The route the request matched, or null (a preflight, a file of the web page, an unknown route). */
  Route route() {
    return route;
  }

  String apiKeyId() {
    return apiKeyId;
  }

  /** -1 when no function was called. */
  long integrationLatencyNanos() {
    return integrationLatencyNanos;
  }
}
