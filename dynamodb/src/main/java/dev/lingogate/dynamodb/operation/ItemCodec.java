package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Items are stored as their DynamoDB JSON: what the client sent is what a later read answers. */
final class ItemCodec {

    private final ObjectMapper mapper;

    ItemCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The item, or null for no item. */
    ObjectNode decode(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored item is not JSON", e);
        }
    }

    byte[] encode(ObjectNode item) {
        try {
            return mapper.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
