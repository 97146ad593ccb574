package dev.lingogate.gateway.admission;

import java.util.Objects;

/** A usage plan's {@code Quota}: at most limit requests per key in each period. */
public record Quota(long limit, QuotaPeriod period) {

  public Quota {
    Objects.requireNonNull(period, "period");
    if (limit < 0) {
      throw new IllegalArgumentException("quota limit must be 0 or more, was " + limit);
    }
  }
}
