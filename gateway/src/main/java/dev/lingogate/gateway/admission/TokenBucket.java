package dev.lingogate.gateway.admission;

/**
 * API Gateway's throttling algorithm: a bucket of burstLimit tokens refilled at rateLimit per
 * second; a request takes one token or is throttled.
 */
final class TokenBucket {

  private final double tokensPerNano;
  private final double capacity;
  private double tokens;
  private long refilledAt;

  TokenBucket(Throttle throttle, long nowNanos) {
    this.tokensPerNano = throttle.rateLimit() / 1e9;
    this.capacity = throttle.burstLimit();
    this.tokens = capacity;
    this.refilledAt = nowNanos;
  }

  /** Takes a token: 0 when one was there, else how many nanoseconds until one will be (or MAX_VALUE: never). */
  synchronized long take(long nowNanos) {
    // Threads may read the clock in one order and reach the bucket in the other: time never runs back.
    long elapsed = Math.max(0, nowNanos - refilledAt);
    tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
    refilledAt = Math.max(refilledAt, nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    if (tokensPerNano == 0 || capacity < 1) {
      return Long.MAX_VALUE;
    }
    return (long) Math.ceil((1 - tokens) / tokensPerNano);
  }
}
