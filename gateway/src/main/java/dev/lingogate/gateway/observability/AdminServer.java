package dev.lingogate.gateway.observability;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;

/**
 * The operators' port, bound to 127.0.0.1 only whatever the gateway's own address: {@code GET
 * /metrics} in Prometheus' text format. Everything else is 404.
 */
public final class AdminServer {

  private static final String LOOPBACK = "127.0.0.1";

  private final Vertx vertx;
  private final GatewayMetrics metrics;
  private HttpServer server;

  public AdminServer(Vertx vertx, GatewayMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  public Future<Void> start(int port) {
    server = vertx.createHttpServer().requestHandler(http -> {
      if (http.method() == HttpMethod.GET && http.path().equals("/metrics")) {
        http.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
      } else {
        http.response().setStatusCode(404).putHeader("content-type", "application/json")
            .end("{\"message\":\"Not Found\"}");
      }
    });
    return server.listen(port, LOOPBACK).mapEmpty();
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
