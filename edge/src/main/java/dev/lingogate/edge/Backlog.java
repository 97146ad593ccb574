package dev.lingogate.edge;

/**
 * The work waiting for one resource, kept within a {@link BacklogLimit}. Work that would go past the
 * limit is refused at once, and its caller answers the client an error it retries with back-off:
 * an overload then slows clients down instead of growing memory without end or leaving them hanging.
 */
public final class Backlog {

    private final BacklogLimit limit;
    private int items;
    private long bytes;

    public Backlog(BacklogLimit limit) {
        this.limit = limit;
    }

    /**
     * Takes in one more piece of work holding {@code size} bytes, if the limit allows; answers false,
     * having taken nothing in, if not. Work larger than the byte limit alone is taken when nothing
     * else waits: refusing it then would refuse it forever.
     */
    public synchronized boolean tryAdd(long size) {
        if (items >= limit.items() || items > 0 && bytes + size > limit.bytes()) {
            return false;
        }
        items++;
        bytes += size;
        return true;
    }

    /** Lets go of a piece of work {@link #tryAdd} took in, once it no longer waits. */
    public synchronized void remove(long size) {
        items--;
        bytes -= size;
    }
}
