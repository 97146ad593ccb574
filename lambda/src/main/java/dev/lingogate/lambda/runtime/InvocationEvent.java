package dev.lingogate.lambda.runtime;

/** One event as the Runtime API hands it to a function's runtime on {@code invocation/next}. */
public record InvocationEvent(String requestId, long deadlineEpochMillis, String invokedFunctionArn, String traceId,
        byte[] payload) {}
