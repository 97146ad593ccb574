package dev.lingogate.gateway.admission;

/**
 * A steady rate with a burst on top, as API Gateway throttles: a usage plan's {@code Throttle}
 * ({@code RateLimit}, {@code BurstLimit}) or a stage's {@code MethodSettings}
 * ({@code ThrottlingRateLimit}, {@code ThrottlingBurstLimit}).
 *
 * @param rateLimit requests per second, refilled continuously
 * @param burstLimit how many requests may come at once (the bucket's size)
 */
public record Throttle(double rateLimit, int burstLimit) {

  public Throttle {
    if (!(rateLimit >= 0) || Double.isInfinite(rateLimit)) {
      throw new IllegalArgumentException("rateLimit must be a finite number of 0 or more, was " + rateLimit);
    }
    if (burstLimit < 0) {
      throw new IllegalArgumentException("burstLimit must be 0 or more, was " + burstLimit);
    }
  }
}
