package dev.lingogate.gateway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Completable;
import io.vertx.core.internal.ContextInternal;
import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive connection to a proxied service, carrying one exchange at a time: the forwarded
 * request out as bytes ({@link UpstreamRequest}), the service's whole answer back through an
 * {@link AnswerParser}. It lives on one event loop, the same as the requests it carries, so nothing
 * here is shared between threads. Answered with keep-alive, it goes back to its loop's idle
 * connections; timed out, failed or told to close, it is closed, so a late answer can never be
 * taken for the next request's.
 */
final class UpstreamConnection extends ChannelInboundHandlerAdapter {

  /** The request under way: where its answer goes, and when it stops being waited for. */
  private record Exchange(ContextInternal context, Completable<UpstreamAnswer> answer, long timeoutMillis,
                          long deadlineNanos) {}

  private final Deque<UpstreamConnection> idle;
  private final int maxIdle;
  private final AnswerParser parser;
  private final Runnable checkDeadline = this::checkDeadline;
  private Channel channel;
  private Exchange current;
  /**
   * The timer that checks the exchange under way has not outlived its deadline; null when none is
   * set. One timer serves exchange after exchange, set again only when it fires: most exchanges end
   * long before it, and a timer set and cancelled for each would cost a task and a queue change a request.
   * It never fires late: a connection serves one target, so all its exchanges have the same timeout, and
   * one that started after the timer was set ends its wait after the timer fires.
   */
  private ScheduledFuture<?> deadlineTimer;
  /** The start of a line of the answer whose end has not come yet; null when there is none. */
  private ByteBuf unread;

  /**
   * @param idle the idle connections of this loop to the same service, which this one rejoins after an answer
   * @param maxAnswerBytes the largest answer body taken; a larger one fails the exchange
   */
  UpstreamConnection(Deque<UpstreamConnection> idle, int maxIdle, int maxAnswerBytes) {
    this.idle = idle;
    this.maxIdle = maxIdle;
    this.parser = new AnswerParser(maxAnswerBytes);
  }

  boolean isOpen() {
    return channel != null && channel.isActive();
  }

  /** Sends the request; the answer (or why there is none) is delivered on the request's context. */
  void send(UpstreamRequest request, long timeoutMillis, ContextInternal context, Completable<UpstreamAnswer> answer) {
    long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    current = new Exchange(context, answer, timeoutMillis, deadlineNanos);
    if (deadlineTimer == null) {
      deadlineTimer = channel.eventLoop().schedule(checkDeadline, timeoutMillis, TimeUnit.MILLISECONDS);
    }
    parser.expect(request.answerHasNoBody());
    ByteBuf bytes = channel.alloc().buffer(request.estimatedLength());
    request.writeTo(bytes);
    // A write that fails reaches exceptionCaught, which fails the exchange: no promise needed per request.
    channel.writeAndFlush(bytes, channel.voidPromise());
  }

  /** Fails the exchange under way if its deadline has passed, else looks again when it will have. */
  private void checkDeadline() {
    deadlineTimer = null;
    Exchange exchange = current;
    if (exchange == null || !channel.isActive()) {
      return;
    }
    long left = exchange.deadlineNanos - System.nanoTime();
    if (left <= 0) {
      fail(new TimeoutException("no answer within " + exchange.timeoutMillis + " ms"));
    } else {
      deadlineTimer = channel.eventLoop().schedule(checkDeadline, left, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    ByteBuf received = (ByteBuf) message;
    ByteBuf in = unread == null ? received : unread.writeBytes(received);
    if (in != received) {
      received.release();
    }
    unread = null;
    try {
      UpstreamAnswer answer = parser.read(in);
      if (answer != null) {
        // Bytes after the answer came unasked: a service talking out of turn cannot be trusted with the next request.
        answered(ctx, answer, answer.keepAlive() && !in.isReadable());
      } else if (in.isReadable()) {
        // The start of a line whose end is still to come. Copied out of the read's buffer, which may be one
        // of the event loop's few provided buffers, not to be held while a slow service trickles.
        unread = in == received ? ctx.alloc().buffer(in.readableBytes()).writeBytes(in) : in.discardReadBytes();
      }
    } catch (UnacceptableAnswer unacceptable) {
      fail(unacceptable);
      ctx.close();
    } finally {
      if (in != unread) {
        in.release();
      }
    }
  }

  private void answered(ChannelHandlerContext ctx, UpstreamAnswer answer, boolean reusable) {
    Exchange exchange = current;
    current = null;
    if (reusable && idle.size() < maxIdle) {
      idle.push(this);
    } else {
      ctx.close();
    }
    exchange.context.emit(answer, answered -> exchange.answer.succeed(answered));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    idle.remove(this);
    releaseUnread();
    if (deadlineTimer != null) {
      deadlineTimer.cancel(false);
      deadlineTimer = null;
    }
    UpstreamAnswer answer = parser.endOfInput();
    if (answer != null && current != null) {
      answered(ctx, answer, false);
    } else {
      fail(new IOException("the service closed the connection before answering"));
    }
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
    releaseUnread();
    channel.close();
    exchange.context.emit(cause, failure -> exchange.answer.fail(failure));
  }

  private void releaseUnread() {
    if (unread != null) {
      unread.release();
      unread = null;
    }
  }
}
