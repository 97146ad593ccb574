package dev.lingogate.gateway.integration;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Completable;
import io.vertx.core.internal.ContextInternal;
import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive connection to a proxied service, carrying one exchange at a time: the forwarded
 * request out, the service's whole answer back. It lives on one event loop, the same as the
 * requests it carries, so nothing here is shared between threads. Answered with keep-alive, it goes
 * back to its loop's idle connections; timed out, failed or told to close, it is closed, so a late
 * answer can never be taken for the next request's.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

  /** The request under way: where its answer goes, and when it stops being waited for. */
  private record Exchange(ContextInternal context, Completable<FullHttpResponse> answer, ScheduledFuture<?> deadline) {}

  private final Deque<UpstreamConnection> idle;
  private final int maxIdle;
  private Channel channel;
  private Exchange current;

  /** @param idle the idle connections of this loop to the same service, which this one rejoins after an answer */
  UpstreamConnection(Deque<UpstreamConnection> idle, int maxIdle) {
    this.idle = idle;
    this.maxIdle = maxIdle;
  }

  boolean isOpen() {
    return channel != null && channel.isActive();
  }

  /** Sends the request; the answer (or why there is none) is delivered on the request's context. */
  void send(FullHttpRequest request, long timeoutMillis, ContextInternal context, Completable<FullHttpResponse> answer) {
    ScheduledFuture<?> deadline = channel.eventLoop().schedule(
        () -> fail(new TimeoutException("no answer within " + timeoutMillis + " ms")), timeoutMillis, TimeUnit.MILLISECONDS);
    current = new Exchange(context, answer, deadline);
    channel.writeAndFlush(request).addListener(written -> {
      if (!written.isSuccess()) {
        fail(written.cause());
      }
    });
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    Exchange exchange = current;
    if (!(message instanceof FullHttpResponse response) || exchange == null) {
      // Nothing asked for it: a service talking out of turn cannot be trusted with the next request.
      ReferenceCountUtil.release(message);
      ctx.close();
      return;
    }
    current = null;
    exchange.deadline.cancel(false);
    if (HttpUtil.isKeepAlive(response) && idle.size() < maxIdle) {
      idle.push(this);
    } else {
      ctx.close();
    }
    exchange.context.emit(response, answered -> exchange.answer.succeed(answered));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    idle.remove(this);
    fail(new IOException("the service closed the connection before answering"));
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause);
    ctx.close();
  }

  private void fail(Throwable cause) {
    Exchange exchange = current;
    if (exchange == null) {
      return;
    }
    current = null;
    exchange.deadline.cancel(false);
    channel.close();
    exchange.context.emit(cause, failure -> exchange.answer.fail(failure));
  }
}
