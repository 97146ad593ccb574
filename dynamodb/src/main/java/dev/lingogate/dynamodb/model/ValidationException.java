package dev.lingogate.dynamodb.model;

import dev.lingogate.edge.AwsException;

/**
 * DynamoDB's {@code ValidationException}: the request was well-formed JSON but broke one of
 * DynamoDB's rules. The message is AWS's, word for word, because clients and people match on it.
 */
public final class ValidationException extends AwsException {

    public ValidationException(String message) {
        super(400, "ValidationException", message);
    }

    /** The prefix AWS puts before every rule an attribute value breaks. */
    public static ValidationException invalidParameter(String detail) {
        return new ValidationException("One or more parameter values were invalid: " + detail);
    }
}
