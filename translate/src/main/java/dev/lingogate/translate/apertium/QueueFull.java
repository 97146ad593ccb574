package dev.lingogate.translate.apertium;

/**
 * A pair's pipelines are all busy and its waiting queue is full: the request was turned away at
 * once rather than left to wait without bound. The caller may retry later.
 */
public final class QueueFull extends RuntimeException {

    public QueueFull(String message) {
        super(message);
    }
}
