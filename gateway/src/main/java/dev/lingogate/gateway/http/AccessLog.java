package dev.lingogate.gateway.http;

import dev.lingogate.gateway.observability.AccessLogFormat;
import dev.lingogate.gateway.observability.GatewayMetrics;
import dev.lingogate.gateway.observability.RequestRecord;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request on the logger {@code dev.lingogate.gateway.access}, in the stage's
 * access log format, and the request counted in the metrics.
 */
final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("dev.lingogate.gateway.access");

  private final AccessLogFormat format;
  private final GatewayMetrics metrics;

  AccessLog(AccessLogFormat format, GatewayMetrics metrics) {
    this.format = format;
    this.metrics = metrics;
  }

  /** Logs and counts the request when its response has been written, whichever step wrote it. */
  void watch(HttpServerRequest http, RequestRecord request) {
    HttpServerResponse response = http.response();
    response.endHandler(ended -> {
      metrics.record(request, response.getStatusCode());
      if (LOG.isInfoEnabled()) {
        LOG.info(format.line(request, response));
      }
    });
  }
}
