package dev.lingogate.gateway.http;

import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.GatewayResponse;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.statics.WebRoot;
import io.netty.handler.codec.http.HttpHeaders;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the last step of a request: the answer, a file of the web page, or the error a failed
 * step ended in. A rejection is the client's or the function's doing and is answered as such; any
 * other failure is a fault of the gateway, logged, and answered with a bare 500.
 */
final class ResponseWriter {

  private static final Logger LOG = LoggerFactory.getLogger("dev.lingogate.gateway");

  private ResponseWriter() {}

  static void write(HttpServerRequest http, String requestId, AsyncResult<GatewayResponse> answer) {
    if (answer.succeeded()) {
      write(http, answer.result());
    } else {
      fail(http, requestId, answer.cause());
    }
  }

  static void write(HttpServerRequest http, GatewayResponse answer) {
    HttpServerResponse response = http.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(answer.status());
    copyHeaders(answer.headers(), response.headers());
    if (answer.closeConnection()) {
      // The rest of the request was never read; the connection cannot carry another one.
      response.putHeader("connection", "close");
      response.end(answer.body()).onComplete(written -> http.connection().close());
    } else {
      response.end(answer.body());
    }
  }

  /**
   * Copies each name and value as the character sequence it is when the headers are Vert.x's own
   * (a proxied answer's are byte strings read off its service's connection): {@code MultiMap.addAll} would make a String
   * of each name and value and build a list of them first.
   */
  private static void copyHeaders(MultiMap from, MultiMap to) {
    if (!(from instanceof HttpHeaders byteStrings)) {
      to.addAll(from);
      return;
    }
    Iterator<Map.Entry<CharSequence, CharSequence>> headers = byteStrings.iteratorCharSequence();
    while (headers.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = headers.next();
      to.add(header.getKey(), header.getValue());
    }
  }

  static void write(HttpServerRequest http, GatewayError error) {
    write(http, error.response());
  }

  static void sendFile(HttpServerRequest http, WebRoot.Lookup.Found file) {
    HttpServerResponse response = http.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.putHeader("content-type", file.contentType());
    if (http.method() == HttpMethod.HEAD) {
      // HEAD tells the length of the file it does not send.
      response.putHeader("content-length", Long.toString(file.size())).end();
    } else {
      response.sendFile(file.file().toString());
    }
  }

  static void fail(HttpServerRequest http, String requestId, Throwable failure) {
    if (failure instanceof RequestRejected rejected) {
      if (rejected.error().status() >= 500) {
        LOG.warn("request {}: {}", requestId, rejected.getMessage());
      }
      write(http, rejected.response());
    } else {
      LOG.error("request {} failed inside the gateway", requestId, failure);
      write(http, GatewayError.INTERNAL_SERVER_ERROR);
    }
  }
}
