package dev.lingogate.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Cuts off clients that take too long to send a request's line and headers. An idle timeout alone
 * cannot: a client trickling one byte a second (slowloris) is never idle, yet holds its connection
 * forever. So each connection gets a deadline: unless a request has begun on it, or one is still
 * being answered, when the deadline comes the connection is closed. Each listener (event loop) has
 * its own, touched only from that loop.
 */
final class HeaderDeadlines {

  private final class Watch {
    private final HttpConnection connection;
    private long timer;
    private boolean requestBegun;
    private HttpServerRequest latest;

    Watch(HttpConnection connection) {
      this.connection = connection;
      arm();
    }

    private void arm() {
      timer = vertx.setTimer(timeoutMillis, fired -> expire());
    }

    private void expire() {
      boolean answering = latest != null && !latest.response().ended() && !latest.response().closed();
      if (requestBegun || answering) {
        requestBegun = false;
        arm();
      } else {
        watches.remove(connection);
        connection.close();
      }
    }
  }

  private final Vertx vertx;
  private final long timeoutMillis;
  private final Map<HttpConnection, Watch> watches = new HashMap<>();

  HeaderDeadlines(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutMillis = timeoutMillis;
  }

  void connected(HttpConnection connection) {
    watches.put(connection, new Watch(connection));
    connection.closeHandler(closed -> {
      Watch watch = watches.remove(connection);
      if (watch != null) {
        vertx.cancelTimer(watch.timer);
      }
    });
  }

  /** A request's head arrived in time: its connection has until the next deadline for the next one. */
  void requestBegun(HttpServerRequest http) {
    Watch watch = watches.get(http.connection());
    if (watch != null) {
      watch.requestBegun = true;
      watch.latest = http;
    }
  }
}
