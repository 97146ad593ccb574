package dev.lingogate.app.translations;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * Hands out translation ids in strictly increasing order within this environment: within the
 * same millisecond (or if the clock steps back) the random part of the previous id is counted
 * up by one instead of drawn afresh, as ULID's monotonic mode does.
 */
public final class IdSequence {
    private static final int TIME_CHARS = 10;
    private static final int RANDOM_CHARS = TranslationId.LENGTH - TIME_CHARS;

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private final int[] lastRandom = new int[RANDOM_CHARS];

    public IdSequence() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    IdSequence(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    public synchronized TranslationId next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            for (int i = 0; i < RANDOM_CHARS; i++) {
                lastRandom[i] = random.nextInt(32);
            }
        } else {
            countUp();
        }
        StringBuilder id = new StringBuilder(TranslationId.LENGTH);
        for (int shift = (TIME_CHARS - 1) * 5; shift >= 0; shift -= 5) {
            id.append(TranslationId.ALPHABET.charAt((int) ((lastMillis >>> shift) & 31)));
        }
        for (int digit : lastRandom) {
            id.append(TranslationId.ALPHABET.charAt(digit));
        }
        return new TranslationId(id.toString());
    }

    /** Adds one to the random part; 80 bits do not run out within a millisecond. */
    private void countUp() {
        for (int i = RANDOM_CHARS - 1; i >= 0; i--) {
            if (lastRandom[i] < 31) {
                lastRandom[i]++;
                return;
            }
            lastRandom[i] = 0;
        }
        lastMillis++;
    }
}
