package dev.lingogate.translate.apertium;

/** A pipeline could not answer: a program in it exited, it stalled, or it could not be started. */
public final class PipelineFailure extends RuntimeException {

    public PipelineFailure(String message) {
        super(message);
    }

    public PipelineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
