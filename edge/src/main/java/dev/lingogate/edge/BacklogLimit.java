package dev.lingogate.edge;

/**
 * How much work may wait for one resource (the edge's workers, a database's writer) before more is
 * turned away: at most {@code items} pieces of work, holding at most {@code bytes} between them.
 */
public record BacklogLimit(int items, long bytes) {

    public BacklogLimit {
        if (items < 1 || bytes < 1) {
            throw new IllegalArgumentException("a backlog must hold at least one item and one byte: " + items + ", " + bytes);
        }
    }
}
