package dev.lingogate.lambda.invoke;

import dev.lingogate.edge.AwsException;

/** The {@code X-Amz-Invocation-Type} of an Invoke call. */
enum InvocationType {
    REQUEST_RESPONSE, EVENT, DRY_RUN;

    static InvocationType of(String header) {
        if (header == null || header.equals("RequestResponse")) {
            return REQUEST_RESPONSE;
        }
        return switch (header) {
            case "Event" -> EVENT;
            case "DryRun" -> DRY_RUN;
            default -> throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + header
                    + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[Event, RequestResponse, DryRun]");
        };
    }
}
