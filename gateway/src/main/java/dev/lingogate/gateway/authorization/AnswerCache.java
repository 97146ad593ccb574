package dev.lingogate.gateway.authorization;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Lambda authorizer's answers by identity, each kept for the authorizer's TTL. Bounded: when it
 * holds too many identities the expired ones go, and if that is not enough, all of them, so a
 * stream of made-up tokens cannot fill the memory.
 */
final class AnswerCache {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry(AuthorizerAnswer answer, long expiresAtNanos) {}

  private final long ttlNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  AnswerCache(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  boolean enabled() {
    return ttlNanos > 0;
  }

  /** The answer for the identity while it is fresh, else null. */
  AuthorizerAnswer get(String identity) {
    Entry entry = entries.get(identity);
    if (entry == null) {
      return null;
    }
    if (System.nanoTime() - entry.expiresAtNanos >= 0) {
      entries.remove(identity, entry);
      return null;
    }
    return entry.answer;
  }

  void put(String identity, AuthorizerAnswer answer) {
    if (entries.size() >= MAX_ENTRIES) {
      long now = System.nanoTime();
      entries.values().removeIf(entry -> now - entry.expiresAtNanos >= 0);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(identity, new Entry(answer, System.nanoTime() + ttlNanos));
  }
}
