package dev.lingogate.dynamodb.model;

import dev.lingogate.edge.AwsException;

/** The request body does not have the JSON shape of the operation (a number where a string belongs). */
public final class SerializationException extends AwsException {

    public SerializationException(String message) {
        super(400, "SerializationException", message);
    }
}
