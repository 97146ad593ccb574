package dev.lingogate.edge;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One AWS service behind the edge (DynamoDB, Translate, Comprehend, Lambda). The edge verifies a
 * call's signature, asks each service whether it answers the call, and hands it to the first that
 * does.
 *
 * <p>The edge calls {@link #call} on a worker thread, so a service may block (SQLite, a pipe to
 * Apertium), unless {@link #mayBlock} says the call will not; a service that waits on something slow,
 * such as a function's answer or a group commit, returns a stage that completes later instead of
 * holding the thread.
 */
public interface AwsService {

    /** The name in IAM actions and signing scopes, e.g. {@code dynamodb}. */
    String name();

    /** Whether this service answers the call; decided from the target header or the path alone. */
    boolean answers(String method, String rawPath, String target);

    /**
     * Answers one call. Fails with (or completes exceptionally with) an {@link AwsException} for
     * any error a client should see.
     */
    CompletionStage<AwsReply> call(AwsRequest request);

    /**
     * Whether answering {@code request} may block its thread (SQLite, a pipe); the edge then calls
     * {@link #call} on a worker. One that only computes and queues its work answers on the event
     * loop, which spares the hand-off to a worker and the wake-up that costs.
     */
    default boolean mayBlock(AwsRequest request) {
        return true;
    }

    /**
     * The error that turns a call away when the edge already holds as many calls for its workers as
     * it may ({@link EdgeOptions#workerBacklog}): by default AWS's common {@code ThrottlingException},
     * which every AWS SDK retries with back-off.
     */
    default AwsException overloaded() {
        return throttling();
    }

    /** AWS's common {@code ThrottlingException}. */
    static AwsException throttling() {
        return new AwsException(400, "ThrottlingException", "The request was denied due to request throttling.");
    }

    /** Writes an error as this service's protocol does. */
    AwsReply errorReply(AwsException error);

    /** Writes an error in answer to {@code call}, e.g. in the content type the call was sent in. */
    default AwsReply errorReply(AwsException error, IncomingCall call) {
        return errorReply(error);
    }

    /**
     * Whether this service is the endpoint's own: it answers the calls no service claims (no target,
     * another method, an unknown operation), as the one AWS endpoint behind the edge's address would.
     */
    default boolean ownsTheEndpoint() {
        return false;
    }

    /**
     * What AWS's front end answers to {@code call} before its signature is looked at, as it checks a
     * call's method, content type, body and operation first; empty to go on to the signature.
     */
    default Optional<AwsReply> screen(IncomingCall call) {
        return Optional.empty();
    }

    /** A new id for {@code x-amzn-RequestId}, in the form this service's ids take. */
    default String newRequestId() {
        return RequestIds.next();
    }
}
