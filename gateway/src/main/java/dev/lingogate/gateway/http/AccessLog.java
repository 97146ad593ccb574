package dev.lingogate.gateway.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per answered request on the logger {@code dev.lingogate.gateway.access}. */
final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("dev.lingogate.gateway.access");

  private AccessLog() {}

  /** Logs the request when its response has been written, whichever step wrote it. */
  static void watch(HttpServerRequest http, String requestId) {
    long started = System.nanoTime();
    HttpServerResponse response = http.response();
    response.endHandler(ended -> LOG.info("{} {} {} {}ms {}", http.method().name(), http.path(),
        response.getStatusCode(), (System.nanoTime() - started) / 1_000_000, requestId));
  }
}
