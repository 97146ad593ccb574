package dev.lingogate.lambda.environment;

/**
 * An environment's runtime ended before it took the event it was given: the function never saw it,
 * so the pool runs it in another environment.
 */
final class EventNotTaken extends RuntimeException {

    EventNotTaken() {
        super("the runtime exited before it took the event", null, false, false);
    }
}
