package dev.lingogate.dynamodb.storage;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on a thread and a connection of its own.
 * Left to SQLite, the connection that commits runs this checkpoint itself once the log passes 1,000
 * pages, inside its COMMIT: copying megabytes and fsyncing the database file while every writer of
 * the next batch waits. Here the writer never checkpoints ({@code wal_autocheckpoint = 0}); after
 * every {@link #WRITES_BETWEEN_CHECKPOINTS} writes it asks this thread for a PASSIVE checkpoint,
 * which runs beside the writer and the readers, blocking neither. Durability is unchanged: a commit
 * is durable once its log frames are fsynced, and SQLite keeps them until the database file holding
 * them is fsynced too, so a kill at any point of a checkpoint loses nothing.
 *
 * <p>A checkpoint beside a busy writer never catches up with it: frames committed while it copies
 * stay behind, and SQLite starts the log over from its beginning only once every frame is copied. So
 * under steady writes the log grew without end (215 MB after 66,000 PutItems of 300 bytes), and every
 * commit appended to it, which costs an fsync more than overwriting. Hence a second, short step: once
 * the bulk is copied, the writer copies the few frames committed meanwhile itself, between two
 * batches, and its next commit starts the log over.
 */
final class WalCheckpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoint.class);

    /** About as much log as SQLite's own 1,000-page trigger for the store's small items, and never more than a few MB. */
    static final int WRITES_BETWEEN_CHECKPOINTS = 1_000;

    private final SqliteConnection connection;
    private final SqliteConnection writers;
    private final Semaphore asked = new Semaphore(0);
    /** Set by this thread once the bulk of the log is copied; the writer copies the rest. */
    private volatile boolean tailLeft;
    private final Thread thread;
    private int writesSinceAsked;
    private volatile boolean closed;

    /**
     * @param connection this thread's own
     * @param writers the one writer's, used only on its thread from {@link #committed}
     */
    WalCheckpoint(SqliteConnection connection, SqliteConnection writers) {
        this.connection = connection;
        this.writers = writers;
        this.thread = new Thread(this::checkpointWhenAsked, "dynamodb-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Counts committed writes, and copies the log's tail; called by the one writer only, after each commit. */
    void committed(int writes) {
        if (tailLeft) {
            tailLeft = false;
            checkpoint(writers);
        }
        writesSinceAsked += writes;
        if (writesSinceAsked >= WRITES_BETWEEN_CHECKPOINTS) {
            writesSinceAsked = 0;
            // Asked again while a checkpoint runs: one more runs after it, never a queue of them.
            if (asked.availablePermits() == 0) {
                asked.release();
            }
        }
    }

    private void checkpointWhenAsked() {
        while (true) {
            try {
                asked.acquire();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            if (checkpoint(connection)) {
                tailLeft = true;
            }
        }
    }

    private static boolean checkpoint(SqliteConnection on) {
        try {
            on.execute("PRAGMA wal_checkpoint(PASSIVE)");
            return true;
        } catch (SQLException e) {
            // The log only grows until the next checkpoint succeeds; no write is at stake.
            LOG.warn("a checkpoint of the write-ahead log failed", e);
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        asked.release();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
