package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Items are stored as their DynamoDB JSON: what the client sent is what a later read answers. */
final class ItemCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ItemCodec() {
    }

    /** The item, or null for no item. */
    static ObjectNode decode(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a stored item is not JSON", e);
        }
    }

    /**
     * The stored item as an answer's member, written out as it is stored: a read that neither
     * projects nor measures it has no need of the tree that parsing it and writing it again would cost.
     */
    static RawValue verbatim(byte[] json) {
        return new RawValue(new String(json, StandardCharsets.UTF_8));
    }

    static byte[] encode(ObjectNode item) {
        try {
            return MAPPER.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
