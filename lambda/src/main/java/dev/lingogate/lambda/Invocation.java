package dev.lingogate.lambda;

/** How one invocation of a function ended. */
public sealed interface Invocation {

    /** The function answered; {@code payload} is what its handler returned, serialised by the runtime. */
    record Returned(byte[] payload) implements Invocation {}

    /**
     * The function failed: an exception its handler did not catch, its runtime exiting
     * ({@code Runtime.ExitError}), or its initialisation failing. {@code errorPayload} is the error
     * document Lambda returns to the caller ({@code errorMessage}, {@code errorType}, {@code stackTrace}).
     */
    record Failed(String errorType, String errorMessage, byte[] errorPayload) implements Invocation {

        @Override
        public String toString() {
            return "Failed[" + errorType + ": " + errorMessage + "]";
        }
    }

    /** The function ran past its timeout and its environment was stopped. */
    record TimedOut(String message) implements Invocation {}

    /** The invocation would have taken the function or the host past a concurrency limit; {@code reason} says which. */
    record Throttled(String message, ThrottleReason reason) implements Invocation {}
}
