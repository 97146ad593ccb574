package dev.lingogate.gateway.admission;

import java.util.List;
import java.util.Optional;

/**
 * Where the API keys live. Looked up on the request path (must not block for long); changed by
 * the CLI, possibly from another process.
 */
public interface ApiKeyStore {

  /** The key a client sent, if it exists (enabled or not). */
  Optional<ApiKey> findByValue(String value);

  List<ApiKey> list();

  /**
   * Adds the key, or replaces the one with its id.
   *
   * @throws IllegalArgumentException when another key already has its value
   */
  void put(ApiKey key);

  /** Removes the key with that id; false when there was none. */
  boolean delete(String id);
}
