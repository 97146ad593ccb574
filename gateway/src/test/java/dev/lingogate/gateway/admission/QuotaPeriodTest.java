package dev.lingogate.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuotaPeriodTest {

  /** A Thursday afternoon, UTC. */
  private static final Instant THURSDAY = Instant.parse("2026-01-15T15:30:00Z");

  @Test
  void dayRunsFromMidnightToMidnightUtc() {
    assertThat(QuotaPeriod.DAY.start(THURSDAY)).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
    assertThat(QuotaPeriod.DAY.end(THURSDAY)).isEqualTo(Instant.parse("2026-01-16T00:00:00Z"));
  }

  @Test
  void weekRunsFromMonday() {
    assertThat(QuotaPeriod.WEEK.start(THURSDAY)).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
    assertThat(QuotaPeriod.WEEK.end(THURSDAY)).isEqualTo(Instant.parse("2026-01-19T00:00:00Z"));
  }

  @Test
  void monthRunsFromTheFirst() {
    assertThat(QuotaPeriod.MONTH.start(THURSDAY)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(QuotaPeriod.MONTH.end(THURSDAY)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
  }
}
