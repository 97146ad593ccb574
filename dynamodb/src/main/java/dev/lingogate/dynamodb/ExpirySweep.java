package dev.lingogate.dynamodb;

import dev.lingogate.dynamodb.operation.ExpiredItems;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TTL's background work: every interval, on a Vert.x worker thread, deletes the expired items of
 * the tables with TTL enabled. One sweep at a time; a sweep still running when the next is due is
 * left to finish, and closing waits for it, so the store is never closed under it.
 */
final class ExpirySweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);

    private final Vertx vertx;
    private final ExpiredItems expiredItems;
    private final Clock clock;
    private final ReentrantLock sweeping = new ReentrantLock();
    private final long timer;
    private volatile boolean closed;

    ExpirySweep(Vertx vertx, ExpiredItems expiredItems, Clock clock, Duration interval) {
        this.vertx = vertx;
        this.expiredItems = expiredItems;
        this.clock = clock;
        this.timer = vertx.setPeriodic(Math.max(1, interval.toMillis()),
                id -> vertx.executeBlocking(this::sweep, false));
    }

    private Integer sweep() {
        if (!sweeping.tryLock()) {
            return 0;
        }
        try {
            return closed ? 0 : expiredItems.delete(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("deleting expired items failed; the next sweep tries again", e);
            return 0;
        } finally {
            sweeping.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(timer);
        sweeping.lock();
        sweeping.unlock();
    }
}
