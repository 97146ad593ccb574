package dev.lingogate.gateway.request;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: random version-4 UUIDs. Drawn from a thread-local generator rather than
 * {@link UUID#randomUUID()}, whose SecureRandom would contend on the hot path; they need to be
 * unique, not unguessable.
 */
public final class RequestId {

  private RequestId() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
