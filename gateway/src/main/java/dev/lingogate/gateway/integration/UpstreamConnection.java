package dev.lingogate.gateway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpContentException;
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
  private final int maxAnswerBytes;
  private Channel channel;
  private Exchange current;
  /** The head of the answer under way, once it has come. */
  private HttpResponse head;
  /** Its body so far; null before the first part. */
  private ByteBuf body;

  /**
   * @param idle the idle connections of this loop to the same service, which this one rejoins after an answer
   * @param maxAnswerBytes the largest answer body taken; a larger one fails the exchange
   */
  UpstreamConnection(Deque<UpstreamConnection> idle, int maxIdle, int maxAnswerBytes) {
    this.idle = idle;
    this.maxIdle = maxIdle;
    this.maxAnswerBytes = maxAnswerBytes;
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

  /**
   * The answer comes as its head, then its body in one or more parts. Collected here rather than by
   * an HttpObjectAggregator: an answer whose body comes in one part (the common case) is handed on
   * as that part, with no composite buffer or copy made for it.
   */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    try {
      if (current == null || message instanceof HttpResponse && head != null
          || !(message instanceof HttpResponse) && head == null) {
        // Nothing asked for it: a service talking out of turn cannot be trusted with the next request.
        ctx.close();
        return;
      }
      if (message instanceof HttpResponse response) {
        if (response.decoderResult().isFailure()) {
          fail(response.decoderResult().cause());
          return;
        }
        head = response;
      }
      if (message instanceof HttpContent part) {
        collect(ctx, part.content());
        if (part instanceof LastHttpContent last && current != null) {
          answered(ctx, last);
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private void collect(ChannelHandlerContext ctx, ByteBuf part) {
    int collected = body == null ? 0 : body.readableBytes();
    if ((long) collected + part.readableBytes() > maxAnswerBytes) {
      fail(new TooLongHttpContentException("the answer is larger than " + maxAnswerBytes + " bytes"));
    } else if (body == null) {
      body = part.retain();
    } else if (part.isReadable()) {
      CompositeByteBuf parts = body instanceof CompositeByteBuf composite
          ? composite
          : ctx.alloc().compositeBuffer(Integer.MAX_VALUE).addComponent(true, body);
      body = parts.addComponent(true, part.retain());
    }
  }

  private void answered(ChannelHandlerContext ctx, LastHttpContent last) {
    Exchange exchange = current;
    FullHttpResponse response = new DefaultFullHttpResponse(head.protocolVersion(), head.status(),
        body == null ? Unpooled.EMPTY_BUFFER : body, head.headers(), last.trailingHeaders());
    current = null;
    head = null;
    body = null;
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
    head = null;
    if (body != null) {
      body.release();
      body = null;
    }
    exchange.deadline.cancel(false);
    channel.close();
    exchange.context.emit(cause, failure -> exchange.answer.fail(failure));
  }
}
