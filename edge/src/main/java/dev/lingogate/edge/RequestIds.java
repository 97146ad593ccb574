package dev.lingogate.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids as AWS's services and Lambda write them: random version-4 UUIDs. Drawn from a
 * thread-local generator: {@link UUID#randomUUID()} reads /dev/urandom under a lock on every call,
 * and a request id needs to be unique, not unguessable.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~0xC000_0000_0000_0000L | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
