package dev.lingogate.gateway.admission;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many requests each key has made in the current period of its plan's quota. */
final class QuotaUsage {

  private record Count(Instant periodStart, long used) {}

  private final Map<String, Count> byKeyId = new ConcurrentHashMap<>();

  /** Counts one request: 0 when within the quota, else seconds until the next period begins. */
  long count(String keyId, Quota quota, Instant now) {
    Instant periodStart = quota.period().start(now);
    Count count = byKeyId.compute(keyId, (id, previous) -> {
      long used = previous == null || !previous.periodStart.equals(periodStart) ? 0 : previous.used;
      return new Count(periodStart, Math.min(used + 1, quota.limit() + 1));
    });
    if (count.used <= quota.limit()) {
      return 0;
    }
    return Math.max(1, quota.period().end(now).getEpochSecond() - now.getEpochSecond());
  }
}
