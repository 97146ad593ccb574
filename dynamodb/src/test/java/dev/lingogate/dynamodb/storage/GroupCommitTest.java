package dev.lingogate.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.edge.BacklogLimit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes committed together by the store's one writer, on a real SQLite file. */
class GroupCommitTest {

    private static final String TABLE = "items_t";

    @TempDir
    Path dataDir;
    private SqliteTableStore store;
    private final ExecutorService writers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void open() {
        store = SqliteTableStore.open(dataDir);
        store.createTable("T", TABLE, "{}", List.of());
    }

    @AfterEach
    void close() {
        writers.shutdownNow();
        store.close();
    }

    @Test
    void aWriteThatFailsInABatchLeavesTheOthersOfItsBatchCommitted() throws Exception {
        // The first write holds the writer, so that the next ones queue up and commit as one batch.
        CompletableFuture<Void> release = holdTheWriter("first", 0);
        List<Future<?>> batch = new ArrayList<>();
        for (String name : List.of("a", "b", "failing", "c", "d")) {
            batch.add(writers.submit(() -> store.transact(0, transaction -> {
                transaction.table(TABLE).put(item(name));
                if (name.equals("failing")) {
                    throw new IllegalStateException("the condition of " + name + " did not hold");
                }
                return null;
            })));
        }
        while (store.writesWaiting() < batch.size()) {
            Thread.sleep(5);
        }
        release.complete(null);

        for (int i = 0; i < batch.size(); i++) {
            if (i == 2) {
                Future<?> failing = batch.get(i);
                assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasRootCauseMessage("the condition of failing did not hold");
            } else {
                batch.get(i).get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(store.get(TABLE, key("first"))).isNotNull();
        for (String committed : List.of("a", "b", "c", "d")) {
            assertThat(store.get(TABLE, key(committed))).as(committed).isNotNull();
        }
        assertThat(store.get(TABLE, key("failing"))).isNull();
    }

    @Test
    void aWriteIsReadableOnceItsCallerHasItsAnswer() throws Exception {
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = "item" + i;
            done.add(writers.submit(() -> {
                store.transact(0, transaction -> {
                    transaction.table(TABLE).put(item(name));
                    return null;
                });
                // Answered means committed: another connection sees it at once.
                assertThat(store.get(TABLE, key(name))).isNotNull();
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(store.statistics(TABLE).itemCount()).isEqualTo(200);
    }

    @Test
    void aWritePastTheBacklogIsRefusedAtOnceAndNeverApplied() throws Exception {
        store.close();
        store = SqliteTableStore.open(dataDir, new BacklogLimit(3, 1000));
        CompletableFuture<Void> release = holdTheWriter("held", 100);
        List<Future<?>> queued = List.of(put("a", 100), put("b", 100));
        while (store.writesWaiting() < queued.size()) {
            Thread.sleep(5);
        }

        assertThatThrownBy(() -> store.transact(100, putting("refused"))).isInstanceOf(BacklogFullException.class);
        release.complete(null);
        for (Future<?> write : queued) {
            write.get(10, TimeUnit.SECONDS);
        }
        assertThat(store.get(TABLE, key("refused"))).isNull();
        store.transact(100, putting("later"));
        assertThat(store.get(TABLE, key("later"))).as("room again once the batch committed").isNotNull();
    }

    @Test
    void theBytesTheWritesHoldBoundTheBacklogTooButAWriteLargerThanTheBoundAloneIsTaken() throws Exception {
        store.close();
        store = SqliteTableStore.open(dataDir, new BacklogLimit(100, 1000));
        CompletableFuture<Void> release = holdTheWriter("held", 600);

        assertThatThrownBy(() -> store.transact(500, putting("too-much"))).isInstanceOf(BacklogFullException.class);
        Future<?> fits = put("fits", 300);
        while (store.writesWaiting() < 1) {
            Thread.sleep(5);
        }
        release.complete(null);
        fits.get(10, TimeUnit.SECONDS);
        store.transact(5000, putting("large"));

        assertThat(store.get(TABLE, key("too-much"))).isNull();
        assertThat(store.get(TABLE, key("fits"))).isNotNull();
        assertThat(store.get(TABLE, key("large"))).isNotNull();
    }

    /**
     * A backlog of one write: each write is made the moment the one before is answered, so it finds
     * room only if an answered write has already left the backlog.
     */
    @Test
    void aWriteAnsweredHasLeftTheBacklog() {
        store.close();
        store = SqliteTableStore.open(dataDir, new BacklogLimit(1, 1000));
        for (int i = 0; i < 300; i++) {
            store.transact(100, putting("item-" + i));
        }
        assertThat(store.get(TABLE, key("item-299"))).isNotNull();
    }

    @Test
    void aWriteAfterTheStoreClosedIsRefused() {
        store.close();

        assertThatThrownBy(() -> store.transact(0, transaction -> null))
                .isInstanceOf(StorageException.class).hasMessage("the tables are closed");
        store = SqliteTableStore.open(dataDir);
    }

    /**
     * A write of {@code size} bytes that holds the writer until the stage answered is completed, then
     * puts the item {@code name}.
     */
    private CompletableFuture<Void> holdTheWriter(String name, long size) throws InterruptedException {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CompletableFuture<Void> release = new CompletableFuture<>();
        writers.submit(() -> store.transact(size, transaction -> {
            writerBusy.countDown();
            release.join();
            transaction.table(TABLE).put(item(name));
            return null;
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private Future<?> put(String name, long size) {
        return writers.submit(() -> store.transact(size, putting(name)));
    }

    private static Function<WriteTransaction, Void> putting(String name) {
        return transaction -> {
            transaction.table(TABLE).put(item(name));
            return null;
        };
    }

    private static StoredItem item(String name) {
        byte[] json = ("{\"id\":{\"S\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8);
        return new StoredItem(key(name), json.length, json);
    }

    private static PrimaryKey key(String name) {
        return new PrimaryKey(name.getBytes(StandardCharsets.UTF_8), KeyEncoding.NO_SORT_KEY);
    }
}
