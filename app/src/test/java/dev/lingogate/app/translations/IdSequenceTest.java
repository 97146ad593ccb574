package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdSequenceTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        long millis = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final HandClock clock = new HandClock();
    private final IdSequence ids = new IdSequence(clock, new Random(7));

    @Test
    void idsAre26CharactersOfCrockfordBase32() {
        assertThat(ids.next().value()).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]+");
    }

    @Test
    void idsMadeLaterSortAfterIdsMadeEarlier() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(ids.next().value());
            clock.millis += 1 + i % 3 * 1000;
        }
        assertThat(made).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondStillSortInCreationOrder() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next().value());
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aClockThatStepsBackDoesNotBreakTheOrder() {
        String before = ids.next().value();
        clock.millis -= 5_000;
        assertThat(ids.next().value()).isGreaterThan(before);
    }

    @Test
    void theIdBeginsWithItsCreationTime() {
        String early = ids.next().value();
        clock.millis += 86_400_000L;
        String late = ids.next().value();
        assertThat(early.substring(0, 10)).isLessThan(late.substring(0, 10));
    }

    @Test
    void onlyWellFormedIdsParse() {
        assertThat(TranslationId.parse("01JD3Z8Q4X7M2N5P6R8S9T0V1W")).isPresent();
        assertThat(TranslationId.parse("01jd3z8q4x7m2n5p6r8s9t0v1w")).isEmpty();
        assertThat(TranslationId.parse("01JD3Z8Q4X7M2N5P6R8S9T0V1")).isEmpty();
        assertThat(TranslationId.parse("01JD3Z8Q4X7M2N5P6R8S9T0V1U")).isEmpty();
        assertThat(TranslationId.parse(null)).isEmpty();
    }
}
