package dev.lingogate.lambda;

/** Which concurrency limit throttled an invocation, named as Lambda's TooManyRequestsException names it in {@code Reason}. */
public enum ThrottleReason {

    /** The function has reserved concurrency ({@code ReservedConcurrentExecutions}) and all of it is in use. */
    RESERVED_FUNCTION_CONCURRENCY("ReservedFunctionConcurrentInvocationLimitExceeded"),
    /** The concurrency left unreserved by all functions (the host's limit, 1000 by default) is in use. */
    ACCOUNT_CONCURRENCY("ConcurrentInvocationLimitExceeded");

    private final String awsName;

    ThrottleReason(String awsName) {
        this.awsName = awsName;
    }

    /** The {@code Reason} of Lambda's TooManyRequestsException. */
    public String awsName() {
        return awsName;
    }
}
