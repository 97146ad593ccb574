package dev.lingogate.gateway.http;

import dev.lingogate.gateway.GatewayOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the gateway's port: Vert.x spreads the connections over the listeners
 * bound to the same port, and everything a connection does stays on its listener's loop.
 */
public final class Listener extends VerticleBase {

  private final GatewayOptions options;
  private final int port;
  private final RequestFlow flow;
  private HttpServer server;

  public Listener(GatewayOptions options, int port, RequestFlow flow) {
    this.options = options;
    this.port = port;
    this.flow = flow;
  }

  @Override
  public Future<?> start() {
    // 100-continue is answered only after the body limit check, so an oversized upload is never sent.
    // HTTP/1.x only: the limits here close a connection on an oversized body, which over HTTP/2
    // would cut every other stream of the client.
    // No WebSocket is ever accepted here: no WebSocket compression handler on every connection's pipeline.
    HttpServerOptions http = new HttpServerOptions()
        .setPerFrameWebSocketCompressionSupported(false)
        .setPerMessageWebSocketCompressionSupported(false)
        .setHandle100ContinueAutomatically(false)
        .setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) options.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setTcpNoDelay(true);
    HeaderDeadlines deadlines = new HeaderDeadlines(vertx, options.headerTimeout().toMillis());
    server = vertx.createHttpServer(http)
        .connectionHandler(deadlines::connected)
        .requestHandler(request -> {
          deadlines.requestBegun(request);
          flow.handle(request);
        })
        .invalidRequestHandler(request -> {
          deadlines.requestBegun(request);
          flow.handleInvalid(request);
        });
    return server.listen(port, options.host());
  }

  /** The port listened on; the actual one when asked for port 0. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting and waits up to the grace period for the requests under way. */
  public Future<Void> shutdown(long graceMillis) {
    return server.shutdown(graceMillis, TimeUnit.MILLISECONDS);
  }
}
