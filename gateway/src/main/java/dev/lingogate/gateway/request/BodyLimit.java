package dev.lingogate.gateway.request;

import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body no larger than API Gateway's payload limit, within the gateway's budget for
 * all bodies held at once. An oversized body is refused as soon as it is known to be too long (from
 * Content-Length, or while it streams in): the rest is never read, so a huge upload costs no memory.
 * A body the budget has no room for is refused the same way, with 429 and a Retry-After: it is not
 * this request's fault, and a moment later there will be room.
 */
public final class BodyLimit {

  private static final Future<byte[]> NO_BODY = Future.succeededFuture(new byte[0]);

  private final long maxBytes;
  private final BodyBudget budget;

  public BodyLimit(long maxBytes, BodyBudget budget) {
    this.maxBytes = maxBytes;
    this.budget = budget;
  }

  /** The share of the budget a new request's body will take, to be released when its answer is ready. */
  public BodyBudget.Share share() {
    return budget.share();
  }

  /**
   * Whether the request carries a body at all: one with neither Content-Length nor
   * Transfer-Encoding has none (RFC 9112 6.3), and needs no pausing or reading.
   */
  public static boolean hasBody(HttpServerRequest http) {
    String length = http.getHeader("content-length");
    return length != null ? !length.trim().equals("0") : http.getHeader("transfer-encoding") != null;
  }

  /**
   * Reads the body of a request, paused or not, taking its bytes into {@code share}; a request
   * without one ({@link #hasBody}) is not touched.
   */
  public Future<byte[]> read(HttpServerRequest http, BodyBudget.Share share) {
    if (!hasBody(http)) {
      return NO_BODY;
    }
    long declared = declaredLength(http);
    if (declared > maxBytes) {
      http.pause();
      return Future.failedFuture(tooLong(declared + " bytes declared"));
    }
    if (declared > 0 && !share.take(declared)) {
      http.pause();
      return Future.failedFuture(overBudget(declared + " bytes declared"));
    }
    if ("100-continue".equalsIgnoreCase(http.getHeader("expect"))) {
      http.response().writeContinue();
    }
    Promise<byte[]> body = Promise.promise();
    // Sized for the declared body up to a megabyte; a larger one grows as it arrives.
    Buffer collected = Buffer.buffer((int) Math.min(Math.max(declared, 0), 1 << 20));
    http.handler(chunk -> {
      if (collected.length() + (long) chunk.length() > maxBytes) {
        http.pause();
        body.tryFail(tooLong("body streamed past the limit"));
      } else if (declared < 0 && !share.take(chunk.length())) {
        // A chunked body is taken into the budget as it comes, having announced no length.
        http.pause();
        body.tryFail(overBudget((collected.length() + chunk.length()) + " bytes streamed"));
      } else if (!body.future().isComplete()) {
        collected.appendBuffer(chunk);
      }
    });
    http.endHandler(end -> body.tryComplete(collected.getBytes()));
    http.exceptionHandler(body::tryFail);
    http.resume();
    return body.future();
  }

  private static long declaredLength(HttpServerRequest http) {
    String header = http.getHeader("content-length");
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw new RequestRejected(GatewayError.BAD_REQUEST, "malformed Content-Length '" + header + "'");
    }
  }

  private RequestRejected overBudget(String detail) {
    return new RequestRejected(GatewayError.BODY_BUDGET_FULL, detail + " do not fit in the " + budget.capacity()
        + " bytes the gateway holds for request bodies at once", 1);
  }

  private RequestRejected tooLong(String detail) {
    return new RequestRejected(GatewayError.REQUEST_TOO_LONG, detail + "; the limit is " + maxBytes + " bytes");
  }
}
