package dev.lingogate.translate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.edge.AwsException;
import java.io.IOException;

/**
 * A blob member as either protocol carries it: a CBOR byte string (the AWS SDK for Java v2), or a
 * base64 string in JSON (the AWS CLI).
 */
final class Blob {

    private Blob() {
    }

    static byte[] bytes(JsonNode value, String path) {
        try {
            byte[] bytes = value.binaryValue();
            if (bytes == null) {
                throw new AwsException(400, "SerializationException", "Expected a blob at '" + path + "'");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw new AwsException(400, "SerializationException", "The value at '" + path + "' is not valid base64");
        }
    }
}
