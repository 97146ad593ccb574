package dev.lingogate.gateway.admission;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API keys kept in {@code api-keys.json} in a directory, shaped as {@code aws apigateway get-api-keys
 * --include-values} prints them ({@code {"items":[...]}}). Every change rewrites the file whole
 * through a temporary file and an atomic rename, so a crash leaves the old file or the new, never
 * half of one. Lookups are answered from memory; a change the CLI made in another process is seen
 * within a second, as the file's modification time is looked at no more often than that.
 */
public final class ApiKeyFile implements ApiKeyStore {

  public static final String FILE_NAME = "api-keys.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** A flood of unknown keys costs at most one look at the file per interval. */
  private static final long RELOAD_INTERVAL_NANOS = 1_000_000_000L;
  private static final long RECENT_WRITE_MILLIS = 3_000;

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Contents(List<ApiKey> items) {}

  private final Path file;
  private volatile Map<String, ApiKey> byValue;
  private volatile FileTime loadedVersion;
  private volatile long lastLookAtFile = System.nanoTime() - RELOAD_INTERVAL_NANOS;

  private ApiKeyFile(Path file) {
    this.file = file;
    reload();
  }

  /**
   * Opens the keys of the directory, creating it when needed; no file yet means no keys.
   *
   * @throws UncheckedIOException when the directory cannot be made or the file is not a key file
   */
  public static ApiKeyFile open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the API key directory " + directory, e);
    }
    return new ApiKeyFile(directory.resolve(FILE_NAME));
  }

  @Override
  public Optional<ApiKey> findByValue(String value) {
    // Checked on hits too, so that a key deleted or disabled by the CLI stops working within a second.
    reloadIfChanged();
    return Optional.ofNullable(byValue.get(value));
  }

  @Override
  public List<ApiKey> list() {
    reloadIfChanged();
    return List.copyOf(byValue.values());
  }

  @Override
  public synchronized void put(ApiKey key) {
    reload();
    ApiKey holder = byValue.get(key.value());
    if (holder != null && !holder.id().equals(key.id())) {
      throw new IllegalArgumentException("another API key (" + holder.id() + ") already has this value");
    }
    Map<String, ApiKey> next = new ConcurrentHashMap<>();
    byValue.values().stream().filter(existing -> !existing.id().equals(key.id()))
        .forEach(existing -> next.put(existing.value(), existing));
    next.put(key.value(), key);
    write(next);
  }

  @Override
  public synchronized boolean delete(String id) {
    reload();
    Map<String, ApiKey> next = byValue.values().stream().filter(key -> !key.id().equals(id))
        .collect(Collectors.toConcurrentMap(ApiKey::value, Function.identity()));
    if (next.size() == byValue.size()) {
      return false;
    }
    write(next);
    return true;
  }

  private void reloadIfChanged() {
    long now = System.nanoTime();
    if (now - lastLookAtFile < RELOAD_INTERVAL_NANOS) {
      return;
    }
    lastLookAtFile = now;
    FileTime version = version();
    if (!java.util.Objects.equals(version, loadedVersion) || writtenLately(version)) {
      reload();
    }
  }

  private synchronized void reload() {
    FileTime version = version();
    if (version == null) {
      byValue = new ConcurrentHashMap<>();
    } else {
      try {
        Contents contents = JSON.readValue(file.toFile(), Contents.class);
        byValue = (contents.items() == null ? List.<ApiKey>of() : contents.items()).stream()
            .collect(Collectors.toConcurrentMap(ApiKey::value, Function.identity()));
      } catch (IOException | IllegalArgumentException e) {
        throw new UncheckedIOException(file + " is not a readable API key file: " + e.getMessage(),
            e instanceof IOException io ? io : new IOException(e));
      }
    }
    loadedVersion = version;
  }

  /**
   * File times tick coarsely (every few milliseconds on Linux), so two writes in one tick leave the
   * same time: a file changed that recently is read again rather than trusted to be the one loaded.
   */
  private static boolean writtenLately(FileTime version) {
    return version != null && System.currentTimeMillis() - version.toMillis() < RECENT_WRITE_MILLIS;
  }

  private FileTime version() {
    try {
      return Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private void write(Map<String, ApiKey> keys) {
    Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
    try {
      byte[] bytes = JSON.writeValueAsBytes(new Contents(List.copyOf(keys.values())));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    byValue = keys;
    loadedVersion = version();
  }
}
