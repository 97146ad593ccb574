package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.KeyEncoding;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A table's primary key: a partition key and, optionally, a sort key. It knows how to find and
 * check a key in an item or in a request's {@code Key}.
 */
public record KeySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {

    /** The names of the key's attributes, partition first. */
    private static final int MAX_PARTITION_KEY_BYTES = 2048;
    private static final int MAX_SORT_KEY_BYTES = 1024;

    public List<String> attributeNames() {
        return sort.map(s -> List.of(partition.name(), s.name())).orElse(List.of(partition.name()));
    }

    public boolean isKeyAttribute(String name) {
        return partition.name().equals(name) || sort.map(s -> s.name().equals(name)).orElse(false);
    }

    /** The key of an item being written; AWS words each problem with the key in PutItem's terms. */
    public PrimaryKey keyOfItem(JsonNode item) {
        return new PrimaryKey(withinSizeLimit(item.get(partition.name()), encodedFromItem(item, partition), true),
                sort.map(s -> withinSizeLimit(item.get(s.name()), encodedFromItem(item, s), false))
                        .orElse(KeyEncoding.NO_SORT_KEY));
    }

    /**
     * The key of an item a BatchWriteItem puts: there AWS says only that a missing key attribute, or
     * one of the wrong type, does not match the schema.
     */
    public PrimaryKey keyOfBatchItem(JsonNode item) {
        for (KeyAttribute attribute : sort.map(s -> List.of(partition, s)).orElse(List.of(partition))) {
            JsonNode value = item.get(attribute.name());
            if (value == null || !AttributeValue.type(value).equals(attribute.type())) {
                throw new ValidationException("The provided key element does not match the schema");
            }
        }
        return keyOfItem(item);
    }

    private static byte[] encodedFromItem(JsonNode item, KeyAttribute attribute) {
        JsonNode value = item.get(attribute.name());
        if (value == null) {
            throw ValidationException.invalidParameter("Missing the key " + attribute.name() + " in the item");
        }
        return encodedKeyValue(value, attribute);
    }

    /** The key a GetItem, UpdateItem or DeleteItem names: exactly the key attributes, nothing else. */
    public PrimaryKey keyOfRequest(JsonNode key) {
        int expected = sort.isPresent() ? 2 : 1;
        JsonNode partitionValue = key.get(partition.name());
        JsonNode sortValue = sort.map(s -> key.get(s.name())).orElse(null);
        if (key.size() != expected || partitionValue == null || sort.isPresent() && sortValue == null) {
            throw new ValidationException("The provided key element does not match the schema");
        }
        return new PrimaryKey(withinSizeLimit(partitionValue, encodedRequestKeyValue(partitionValue, partition), true),
                sort.map(s -> withinSizeLimit(sortValue, encodedRequestKeyValue(sortValue, s), false))
                        .orElse(KeyEncoding.NO_SORT_KEY));
    }

    /**
     * AWS's limits on a key value's size, in bytes (UTF-8 for a string): 2048 for the partition key,
     * 1024 for the sort key; a number, at most 38 digits, is always within them.
     */
    private static byte[] withinSizeLimit(JsonNode value, byte[] encoded, boolean partitionKey) {
        String type = AttributeValue.type(value);
        if (type.equals("N")) {
            return encoded;
        }
        int size = type.equals("S") ? value.get("S").asText().getBytes(StandardCharsets.UTF_8).length
                : AttributeValue.binary(value).length;
        if (partitionKey && size > MAX_PARTITION_KEY_BYTES) {
            throw ValidationException.invalidParameter("Size of hashkey has exceeded the maximum size limit of"
                    + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (!partitionKey && size > MAX_SORT_KEY_BYTES) {
            throw ValidationException.invalidParameter("Aggregated size of all range keys has exceeded the size limit of "
                    + MAX_SORT_KEY_BYTES + " bytes");
        }
        return encoded;
    }

    /**
     * One value of a key a request names: AWS says a value of the wrong type does not match the
     * schema, and words an empty one as a parameter value that was invalid (unlike PutItem's item).
     */
    private static byte[] encodedRequestKeyValue(JsonNode value, KeyAttribute attribute) {
        if (!AttributeValue.type(value).equals(attribute.type())) {
            throw new ValidationException("The provided key element does not match the schema");
        }
        byte[] encoded = KeyEncoding.encode(value);
        if (isEmpty(value, encoded)) {
            throw ValidationException.invalidParameter(emptyKeyValue(value, attribute));
        }
        return encoded;
    }

    private static boolean isEmpty(JsonNode value, byte[] encoded) {
        return encoded.length == 0 || AttributeValue.type(value).equals("S") && value.get("S").asText().isEmpty();
    }

    private static String emptyKeyValue(JsonNode value, KeyAttribute attribute) {
        return "The AttributeValue for a key attribute cannot contain an empty "
                + (AttributeValue.type(value).equals("S") ? "string" : "binary") + " value. Key: " + attribute.name();
    }

    /** The key attributes of an item, as LastEvaluatedKey and key-only answers show them. */
    public ObjectNode keyAttributesOf(JsonNode item) {
        ObjectNode key = AttributeValue.JSON.objectNode();
        key.set(partition.name(), item.get(partition.name()));
        sort.ifPresent(s -> key.set(s.name(), item.get(s.name())));
        return key;
    }

    /** The KeySchema list of DescribeTable. */
    public ArrayNode describe() {
        ArrayNode keys = AttributeValue.JSON.arrayNode();
        keys.addObject().put("AttributeName", partition.name()).put("KeyType", "HASH");
        sort.ifPresent(s -> keys.addObject().put("AttributeName", s.name()).put("KeyType", "RANGE"));
        return keys;
    }

    /** Checks one key value's type and emptiness, then encodes it in the order SQLite will sort by. */
    public static byte[] encodedKeyValue(JsonNode value, KeyAttribute attribute) {
        String type = AttributeValue.type(value);
        if (!type.equals(attribute.type())) {
            throw ValidationException.invalidParameter("Type mismatch for key " + attribute.name()
                    + " expected: " + attribute.type() + " actual: " + type);
        }
        byte[] encoded = KeyEncoding.encode(value);
        if (isEmpty(value, encoded)) {
            throw new ValidationException("One or more parameter values are not valid. " + emptyKeyValue(value, attribute));
        }
        return encoded;
    }
}
