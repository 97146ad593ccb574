package dev.lingogate.lambda;

/** A function's environment could not initialise: its handler did not load, or its runtime exited. */
public final class FunctionInitException extends RuntimeException {

    private final Invocation.Failed failure;

    public FunctionInitException(Invocation.Failed failure) {
        super(failure.errorType() + ": " + failure.errorMessage(), null, false, false);
        this.failure = failure;
    }

    /** The init error as an invocation that ran into it sees it. */
    public Invocation.Failed failure() {
        return failure;
    }
}
