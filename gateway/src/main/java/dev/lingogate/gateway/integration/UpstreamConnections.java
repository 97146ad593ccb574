package dev.lingogate.gateway.integration;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vertx.core.Completable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The connections to the services of {@code http_proxy} routes, made on Netty directly rather than
 * through an HTTP client, and speaking HTTP/1.1 without Netty's HTTP codec (see {@link AnswerParser}): each event loop keeps its own idle keep-alive connections to each service
 * and forwards a request on the loop it arrived on, so a proxied request never changes threads,
 * never waits on a shared pool, and costs no more than the bytes it moves. Like nginx's
 * {@code keepalive}, the bound is on idle connections kept, not on connections in use: those are
 * bounded by the requests the gateway's own connections can carry.
 */
final class UpstreamConnections {

  /** API Gateway's limit on an integration's answer. */
  private static final int MAX_ANSWER_BYTES = 10 * 1024 * 1024;

  private final VertxInternal vertx;
  private final int maxIdlePerLoop;
  private final SslContext tls;
  private final ChannelGroup open = new DefaultChannelGroup("http_proxy upstreams", GlobalEventExecutor.INSTANCE);
  private final Map<ForwardingAddress, Map<EventLoop, Deque<UpstreamConnection>>> idle = new ConcurrentHashMap<>();

  UpstreamConnections(VertxInternal vertx, int maxIdlePerLoop) {
    this.vertx = vertx;
    this.maxIdlePerLoop = maxIdlePerLoop;
    try {
      // The JVM's trusted certificates, and the host name checked against the certificate, as any HTTPS client does.
      this.tls = SslContextBuilder.forClient().build();
    } catch (SSLException e) {
      throw new IllegalStateException("no TLS client available in this JVM", e);
    }
  }

  /**
   * Sends the request to the service on an idle connection of the calling request's event loop, or
   * a new one; the answer, or the failure to get one, is delivered on the calling request's context.
   */
  void send(ForwardingAddress address, UpstreamRequest request, long timeoutMillis,
            Completable<UpstreamAnswer> answer) {
    ContextInternal context = ContextInternal.current();
    EventLoop loop = context.nettyEventLoop();
    Deque<UpstreamConnection> loopIdle = idle.computeIfAbsent(address, service -> new ConcurrentHashMap<>())
        .computeIfAbsent(loop, newLoop -> new ArrayDeque<>());
    UpstreamConnection connection;
    while ((connection = loopIdle.poll()) != null) {
      if (connection.isOpen()) {
        connection.send(request, timeoutMillis, context, answer);
        return;
      }
    }
    UpstreamConnection fresh = new UpstreamConnection(loopIdle, maxIdlePerLoop, MAX_ANSWER_BYTES);
    connect(loop, address, fresh, timeoutMillis).addListener(connected -> {
      if (connected.isSuccess()) {
        fresh.send(request, timeoutMillis, context, answer);
      } else {
        context.emit(connected.cause(), answer::fail);
      }
    });
  }

  private ChannelFuture connect(EventLoop loop, ForwardingAddress address, UpstreamConnection connection,
                                long timeoutMillis) {
    return new Bootstrap()
        .group(loop)
        .channelFactory(vertx.transport().channelFactory(false))
        .resolver(vertx.nameResolver().nettyAddressResolverGroup())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            open.add(channel);
            ChannelPipeline pipeline = channel.pipeline();
            if (address.ssl()) {
              pipeline.addLast(tlsTo(channel, address));
            }
            pipeline.addLast(connection);
          }
        })
        .connect(address.host(), address.port());
  }

  private SslHandler tlsTo(Channel channel, ForwardingAddress address) {
    SslHandler handler = tls.newHandler(channel.alloc(), address.host(), address.port());
    SSLEngine engine = handler.engine();
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    engine.setSSLParameters(parameters);
    return handler;
  }

  Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    open.close().addListener(done -> closed.complete());
    return closed.future();
  }
}
