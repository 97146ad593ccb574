package dev.lingogate.dynamodb.storage;

/**
 * The writer already holds as many writes as it may: this one was refused before it was queued, so
 * nothing of it was applied, and the caller may try again later.
 */
public final class BacklogFullException extends RuntimeException {

    BacklogFullException() {
        super("the writer holds as many writes as it may", null, false, false);
    }
}
