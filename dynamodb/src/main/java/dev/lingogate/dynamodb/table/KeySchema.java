package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.KeyEncoding;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import java.util.List;
import java.util.Optional;

/**
 * A table's primary key: a partition key and, optionally, a sort key. It knows how to find and
 * check a key in an item or in a request's {@code Key}.
 */
public record KeySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {

    /** The names of the key's attributes, partition first. */
    public List<String> attributeNames() {
        return sort.map(s -> List.of(partition.name(), s.name())).orElse(List.of(partition.name()));
    }

    public boolean isKeyAttribute(String name) {
        return partition.name().equals(name) || sort.map(s -> s.name().equals(name)).orElse(false);
    }

    /** The key of an item being written; AWS words each problem with the key in PutItem's terms. */
    public PrimaryKey keyOfItem(JsonNode item) {
        return new PrimaryKey(encodedFromItem(item, partition),
                sort.map(s -> encodedFromItem(item, s)).orElse(KeyEncoding.NO_SORT_KEY));
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
        return new PrimaryKey(encodedKeyValue(partitionValue, partition),
                sort.map(s -> encodedKeyValue(sortValue, s)).orElse(KeyEncoding.NO_SORT_KEY));
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
        if (encoded.length == 0 || type.equals("S") && value.get("S").asText().isEmpty()) {
            throw new ValidationException("One or more parameter values are not valid. The AttributeValue for a key"
                    + " attribute cannot contain an empty " + (type.equals("S") ? "string" : "binary")
                    + " value. Key: " + attribute.name());
        }
        return encoded;
    }
}
