package dev.lingogate.lambda.runtime;

import java.util.function.Consumer;

/**
 * What the Lambda Runtime API asks of one execution environment; {@link RuntimeApiServer} turns the
 * runtime's HTTP calls into these.
 */
public interface RuntimeApi {

    /** The runtime waits for its next event; {@code delivery} takes it whenever there is one. */
    void nextRequested(Consumer<InvocationEvent> delivery);

    /** The runtime answered; false if {@code requestId} is not the invocation in progress. */
    boolean responded(String requestId, byte[] payload);

    /**
     * The invocation failed; false if {@code requestId} is not the invocation in progress.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or null
     * @param body      the error document, normally {@code {"errorMessage","errorType","stackTrace"}}
     */
    boolean failed(String requestId, String errorType, byte[] body);

    /** The runtime could not initialise (its handler did not load). */
    void initFailed(String errorType, byte[] body);
}
