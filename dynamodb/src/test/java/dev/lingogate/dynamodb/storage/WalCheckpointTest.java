package dev.lingogate.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log copied into the database file by a thread of its own, on a real SQLite file. */
class WalCheckpointTest {

    private static final String TABLE = "items_t";
    private static final String KILOBYTE = "x".repeat(1024);

    @TempDir
    Path dataDir;
    private SqliteTableStore store;
    private final ExecutorService writers = Executors.newFixedThreadPool(8);

    @AfterEach
    void close() {
        writers.shutdownNow();
        store.close();
    }

    @Test
    void writesReachTheDatabaseFileThoughTheWriterNeverCheckpoints() throws Exception {
        store = SqliteTableStore.open(dataDir);
        store.createTable("T", TABLE, "{}", List.of());
        Path database = dataDir.resolve("dynamodb.sqlite");
        long empty = Files.size(database);

        int items = WalCheckpoint.WRITES_BETWEEN_CHECKPOINTS * 5 / 2;
        writeConcurrently(items);
        // Two checkpoints were asked for, of at least 2,000 items of 1 KB; they run in the background.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.size(database) - empty < 2_000L * 1024 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(Files.size(database) - empty).isGreaterThanOrEqualTo(2_000L * 1024);
        assertThat(store.statistics(TABLE).itemCount()).isEqualTo(items);
    }

    @Test
    void theLogStartsOverUnderSteadyWritesInsteadOfGrowingWithThem() throws Exception {
        store = SqliteTableStore.open(dataDir);
        store.createTable("T", TABLE, "{}", List.of());
        Path log = dataDir.resolve("dynamodb.sqlite-wal");

        // 20 rounds of checkpoints under writes that never pause: 171 MB of log when it never started
        // over (measured), 10.5 MB when it did.
        int items = WalCheckpoint.WRITES_BETWEEN_CHECKPOINTS * 20;
        writeConcurrently(items);

        assertThat(Files.size(log)).as("the log's size after %d writes", items).isLessThan(32L << 20);
        assertThat(store.statistics(TABLE).itemCount()).isEqualTo(items);
    }

    /** Puts that many items from 8 threads at once, each in a transaction of its own, and waits for all. */
    private void writeConcurrently(int items) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String name = "item" + i;
            done.add(writers.submit(() -> store.transact(0, transaction -> {
                transaction.table(TABLE).put(item(name));
                return null;
            })));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    private static StoredItem item(String name) {
        byte[] json = ("{\"id\":{\"S\":\"" + name + "\"},\"payload\":{\"S\":\"" + KILOBYTE + "\"}}").getBytes(StandardCharsets.UTF_8);
        return new StoredItem(new PrimaryKey(name.getBytes(StandardCharsets.UTF_8), KeyEncoding.NO_SORT_KEY), json.length, json);
    }
}
