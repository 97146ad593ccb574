package dev.lingogate.dynamodb.storage;

import dev.lingogate.edge.Backlog;
import dev.lingogate.edge.BacklogLimit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * The one writer of the database. Writes from many threads queue here; a single thread takes
 * whatever has queued and applies it as ONE SQLite transaction, each write in its own savepoint,
 * then commits once. With {@code synchronous=FULL} a commit is an fsync of the write-ahead log, so
 * sixteen concurrent writers pay for one fsync instead of sixteen, while one writer alone waits no
 * longer than before (nothing is held back to fill a batch: a batch is what queued while the last
 * commit was on disk).
 * <p>
 * Each write stays atomic on its own: one whose work throws (a condition that did not hold) is rolled
 * back to its savepoint, and the others of its batch commit. No caller hears its outcome before the
 * commit returned, a failure included, because a failed condition may have been decided on an
 * earlier write of the same batch and must not be reported on state that could still vanish.
 * <p>
 * A schema change (creating or dropping a table or an index) runs in a transaction of its own, and
 * its {@code committed} step runs on this thread after the commit and before the next write, so
 * every later write sees the schema in memory as it is on disk.
 * <p>
 * The writes it holds, queued or in the batch being committed, stay within a {@link BacklogLimit};
 * one past it is refused before it is queued ({@link BacklogFullException}). Single-item writes
 * queue from the event loop and hold no thread while they wait, so without a bound the queue would
 * grow with every connection the edge accepts, each write holding an item of up to 400 KB. Schema
 * changes are not counted: they are few, and each holds a worker of the edge's, which are bounded.
 */
final class GroupCommit implements AutoCloseable {

    /** Enough to amortise the fsync many times over, small enough to keep one transaction short. */
    static final int MOST_WRITES_PER_COMMIT = 512;

    private final SqliteConnection connection;
    private final LongSupplier schemaGeneration;
    private final IntConsumer committedWrites;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Backlog backlog;
    private final Thread thread;
    private boolean closed;

    /**
     * @param committedWrites told, on the writer's thread, how many writes each commit made durable
     * @param backlogLimit    how many writes, holding how many bytes, may wait for this writer
     */
    GroupCommit(SqliteConnection connection, LongSupplier schemaGeneration, IntConsumer committedWrites,
            BacklogLimit backlogLimit) {
        this.connection = connection;
        this.backlog = new Backlog(backlogLimit);
        this.schemaGeneration = schemaGeneration;
        this.committedWrites = committedWrites;
        this.thread = new Thread(this::commitWhatQueues, "dynamodb-group-commit");
        // Nothing unacknowledged is lost by a JVM that exits without closing: SQLite's log is whole.
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Applies {@code work} in the next batch, and answers once that batch is durable.
     *
     * @param size what the work holds in memory while it waits, in bytes (its request's size will do)
     * @throws BacklogFullException at once, and nothing applied, if the backlog is full
     */
    <T> T write(long size, ConnectionWork<T> work) {
        return await(new Pending<>(work, size, false, () -> { }));
    }

    /**
     * Applies {@code work} in the next batch; the stage completes on the writer's thread once that
     * batch is durable, so that the caller's thread need not wait for the fsync (nor be woken after it).
     *
     * @throws BacklogFullException at once, and nothing applied, if the backlog is full
     */
    <T> CompletableFuture<T> writeLater(long size, ConnectionWork<T> work) {
        Pending<T> pending = new Pending<>(work, size, false, () -> { });
        queue(pending);
        return pending.outcome;
    }

    /**
     * Applies {@code work} in a transaction of its own, runs {@code committed} after its commit and
     * before any other write, and answers once it is durable.
     */
    <T> T writeAlone(ConnectionWork<T> work, Runnable committed) {
        return await(new Pending<>(work, 0, true, committed));
    }

    /** How many writes wait for the writer now. */
    int waiting() {
        return queue.size();
    }

    private void queue(Pending<?> pending) {
        // Under the lock that close() takes, so that every write queued is queued before STOP and
        // so is committed or failed, never left waiting.
        synchronized (this) {
            if (closed) {
                throw new StorageException("the tables are closed", null);
            }
            if (!pending.alone && !backlog.tryAdd(pending.size)) {
                throw new BacklogFullException();
            }
            queue.add(pending);
        }
    }

    private <T> T await(Pending<T> pending) {
        queue(pending);
        try {
            return pending.outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void commitWhatQueues() {
        List<Pending<?>> batch = new ArrayList<>();
        while (true) {
            Pending<?> first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            if (first == Pending.STOP) {
                break;
            }
            batch.add(first);
            if (!first.alone) {
                Pending<?> next;
                // Only this thread takes from the queue, so what it peeks at is still there to poll.
                while (batch.size() < MOST_WRITES_PER_COMMIT && (next = queue.peek()) != null && !next.alone) {
                    batch.add(queue.poll());
                }
            }
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            connection.forgetStatementsBefore(schemaGeneration.getAsLong());
            control("BEGIN IMMEDIATE");
            for (Pending<?> pending : batch) {
                results.add(pending.alone ? apply(pending) : applyInSavepoint(pending));
            }
            control("COMMIT");
        } catch (SQLException | RuntimeException | Error e) {
            // BEGIN or COMMIT failed (disk full, I/O error), or a unit's failure took the whole
            // transaction with it: nothing of the batch is on disk, so every unit of it failed.
            rollbackQuietly();
            leaveBacklog(batch);
            Throwable failure = e instanceof SQLException ? new StorageException("a write transaction failed", e) : e;
            batch.forEach(pending -> pending.outcome.completeExceptionally(failure));
            return;
        }
        leaveBacklog(batch);
        for (Pending<?> pending : batch) {
            pending.committed.run();
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).settle(results.get(i));
        }
        // After the answers: what it is told may take a checkpoint's time on this thread.
        committedWrites.accept(batch.size());
    }

    /**
     * A batch whose transaction is over no longer waits: it leaves the backlog before any of its
     * writes is answered, as a caller told its write is done may write again at once and must find
     * the room that write held.
     */
    private void leaveBacklog(List<Pending<?>> batch) {
        for (Pending<?> done : batch) {
            if (!done.alone) {
                backlog.remove(done.size);
            }
        }
    }

    /** A schema change alone in its transaction: its failure is the transaction's. */
    private Object apply(Pending<?> pending) throws SQLException {
        return pending.work.run(connection);
    }

    private Object applyInSavepoint(Pending<?> pending) throws SQLException {
        control("SAVEPOINT write");
        Object result;
        try {
            result = pending.work.run(connection);
        } catch (SQLException | RuntimeException | StackOverflowError e) {
            // If SQLite already rolled the whole transaction back (it may, on disk full), there is
            // no savepoint any more: ROLLBACK TO throws, and the batch fails as a whole.
            control("ROLLBACK TO write");
            control("RELEASE write");
            return new Failed(e instanceof SQLException sql ? new StorageException("a write failed", sql) : e);
        }
        control("RELEASE write");
        return result;
    }

    /**
     * Runs one of the writer's few transaction-control statements, each prepared once and kept (two
     * per write: SQLite would otherwise parse "SAVEPOINT write" and "RELEASE write" every time).
     */
    private void control(String sql) throws SQLException {
        connection.statement(sql).execute();
    }

    private void rollbackQuietly() {
        try {
            connection.execute("ROLLBACK");
        } catch (SQLException noTransactionLeft) {
            // SQLite rolled it back itself, or BEGIN never happened: either way none is open.
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(Pending.STOP);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }

    /** A unit's failure, kept until its batch committed. */
    private record Failed(Throwable cause) {
    }

    private static final class Pending<T> {

        /** Queued by {@link #close}: the writer stops when it takes it (alone, so no batch takes it in). */
        static final Pending<Void> STOP = new Pending<>(connection -> null, 0, true, () -> { });

        final ConnectionWork<T> work;
        final long size;
        final boolean alone;
        final Runnable committed;
        final CompletableFuture<T> outcome = new CompletableFuture<>();

        Pending(ConnectionWork<T> work, long size, boolean alone, Runnable committed) {
            this.work = work;
            this.size = size;
            this.alone = alone;
            this.committed = committed;
        }

        @SuppressWarnings("unchecked")
        void settle(Object result) {
            if (result instanceof Failed failed) {
                outcome.completeExceptionally(failed.cause());
            } else {
                outcome.complete((T) result);
            }
        }
    }
}
