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
 */
final class WalCheckpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoint.class);

    /** About as much log as SQLite's own 1,000-page trigger for the store's small items, and never more than a few MB. */
    static final int WRITES_BETWEEN_CHECKPOINTS = 1_000;

    private final SqliteConnection connection;
    private final Semaphore asked = new Semaphore(0);
    private final Thread thread;
    private int writesSinceAsked;
    private volatile boolean closed;

    WalCheckpoint(SqliteConnection connection) {
        this.connection = connection;
        this.thread = new Thread(this::checkpointWhenAsked, "dynamodb-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Counts committed writes; called by the one writer only, after each commit. */
    void committed(int writes) {
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
            try {
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                // The log only grows until the next checkpoint succeeds; no write is at stake.
                LOG.warn("a checkpoint of the write-ahead log failed", e);
            }
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
