package dev.lingogate.gateway.admission;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** The period a usage plan's quota counts over; each one starts at midnight UTC. */
public enum QuotaPeriod {
  DAY, WEEK, MONTH;

  /** When the period holding the instant began. Weeks begin on Monday. */
  Instant start(Instant now) {
    ZonedDateTime day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    return switch (this) {
      case DAY -> day.toInstant();
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
      case MONTH -> day.withDayOfMonth(1).toInstant();
    };
  }

  /** When the period holding the instant ends, and the next begins. */
  Instant end(Instant now) {
    ZonedDateTime start = start(now).atZone(ZoneOffset.UTC);
    return switch (this) {
      case DAY -> start.plusDays(1).toInstant();
      case WEEK -> start.plusWeeks(1).toInstant();
      case MONTH -> start.plusMonths(1).toInstant();
    };
  }
}
