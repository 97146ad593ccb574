package dev.lingogate.dynamodb.model;

import dev.lingogate.edge.AwsException;

/**
 * The request body does not have the JSON shape of the operation (a number where a string belongs).
 * DynamoDB's deserializer words its message in a {@code Message} field, capitalised, unlike the
 * {@code message} of the service's own errors; clients read either.
 */
public final class SerializationException extends AwsException {

    public SerializationException(String message) {
        super(400, "SerializationException", null);
        withField("Message", message);
    }
}
