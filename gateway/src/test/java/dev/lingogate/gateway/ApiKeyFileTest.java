package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.admission.ApiKeyFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyFileTest {

  @TempDir
  Path directory;

  @Test
  void keysSurviveReopening() {
    ApiKey key = ApiKey.generate("reader", List.of("basic"));
    ApiKeyFile.open(directory).put(key);

    ApiKeyFile reopened = ApiKeyFile.open(directory);
    assertThat(reopened.findByValue(key.value())).contains(key);
    assertThat(reopened.list()).containsExactly(key);
  }

  @Test
  void fileIsWrittenWholeWithNoTemporaryLeftBehind() throws Exception {
    ApiKeyFile keys = ApiKeyFile.open(directory);
    keys.put(ApiKey.generate("a", List.of()));
    keys.put(ApiKey.generate("b", List.of()));
    try (var files = Files.list(directory)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly(ApiKeyFile.FILE_NAME);
    }
    assertThat(RunningGateway.json(Files.readString(directory.resolve(ApiKeyFile.FILE_NAME))).get("items"))
        .hasSize(2);
  }

  @Test
  void generatedKeysAreFortyCharactersAndDistinct() {
    ApiKey first = ApiKey.generate("a", List.of());
    ApiKey second = ApiKey.generate("b", List.of());
    assertThat(first.value()).hasSize(40).matches("[A-Za-z0-9]+").isNotEqualTo(second.value());
    assertThat(first.toString()).doesNotContain(first.value());
  }

  @Test
  void importedKeyShorterThanTwentyCharactersIsRefused() {
    assertThatThrownBy(() -> ApiKey.imported("short", "tooShort", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 20 characters");
  }

  @Test
  void twoKeysMayNotShareAValue() {
    ApiKeyFile keys = ApiKeyFile.open(directory);
    keys.put(ApiKey.imported("first", "shared-value-0123456789", List.of()));
    assertThatThrownBy(() -> keys.put(ApiKey.imported("second", "shared-value-0123456789", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already has this value");
  }

  @Test
  void deletedKeyIsGone() {
    ApiKeyFile keys = ApiKeyFile.open(directory);
    ApiKey key = ApiKey.generate("gone", List.of());
    keys.put(key);
    assertThat(keys.delete(key.id())).isTrue();
    assertThat(keys.delete(key.id())).isFalse();
    assertThat(ApiKeyFile.open(directory).findByValue(key.value())).isEmpty();
  }

  @Test
  void keyDeletedByAnotherProcessStopsWorkingWithinSeconds() throws Exception {
    ApiKeyFile gateway = ApiKeyFile.open(directory);
    ApiKey key = ApiKey.generate("revoked", List.of());
    ApiKeyFile commandLine = ApiKeyFile.open(directory);
    commandLine.put(key);
    awaitFound(gateway, key, true);

    commandLine.delete(key.id());

    awaitFound(gateway, key, false);
  }

  /** The file is looked at once a second at most: a change shows within a few. */
  private static void awaitFound(ApiKeyFile keys, ApiKey key, boolean found) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (keys.findByValue(key.value()).isPresent() != found && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(keys.findByValue(key.value()).isPresent()).isEqualTo(found);
  }

  @Test
  void fileThatIsNotAKeyFileIsReportedByName() throws Exception {
    Files.writeString(directory.resolve(ApiKeyFile.FILE_NAME), "not json");
    assertThatThrownBy(() -> ApiKeyFile.open(directory))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(ApiKeyFile.FILE_NAME)
        .hasMessageContaining("not a readable API key file");
  }
}
