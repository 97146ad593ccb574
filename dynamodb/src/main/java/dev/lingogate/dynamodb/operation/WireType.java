package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.SerializationException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The type a request member has in DynamoDB's API model, as its JSON deserializer reads it, with
 * that deserializer's words for a value that does not fit ({@code NUMBER_VALUE cannot be converted to
 * String}, {@code Unexpected field type}, ...). AWS reads the whole body before it checks any
 * constraint, so a wrong type anywhere, however deep, is the error reported. A null member counts as
 * absent.
 */
abstract class WireType {

    private static final String MODEL = "com.amazonaws.dynamodb.v20120810.";

    /**
     * Checks a value and returns it as the service reads it: the same node, or for a boolean sent as
     * a word ({@code "yes"}, {@code "0"}) the boolean AWS reads it as.
     */
    abstract JsonNode check(JsonNode value);

    static final WireType STRING = new Scalar("String");
    static final WireType INTEGER = new Scalar("Integer");
    static final WireType LONG = new Scalar("Long");
    static final WireType BOOLEAN = new Scalar("Boolean");
    static final WireType BLOB = new Blob();

    static WireType listOf(WireType element) {
        return new ListOf(element);
    }

    /** A map from names to values of a shape, named as AWS's model names it, e.g. {@code AttributeValue}. */
    static WireType mapOf(String valueShape, WireType value) {
        return new MapOf(valueShape.contains(".") ? valueShape : MODEL + valueShape, value);
    }

    /**
     * A structure that is a value in a list or map: a scalar in its place is "Unexpected value type in
     * payload".
     */
    static Structure valueStructure(String shape) {
        return new Structure(shape, "Unexpected value type in payload");
    }

    /** A structure that is a member of another: a scalar in its place is "Unexpected field type". */
    static Structure fieldStructure(String shape) {
        return new Structure(shape, "Unexpected field type");
    }

    /** An AttributeValue in a map or list (an item's, a key's, a list's). */
    static final WireType ATTRIBUTE_VALUE = attributeValue(valueStructure("AttributeValue"));
    /** An AttributeValue that is a member of a structure (Expected's Value, AttributeUpdates' Value). */
    static final WireType ATTRIBUTE_VALUE_FIELD = attributeValue(fieldStructure("AttributeValue"));
    static final WireType ATTRIBUTE_MAP = mapOf("AttributeValue", ATTRIBUTE_VALUE);

    private static final WireType PROVISIONED_THROUGHPUT = fieldStructure("ProvisionedThroughput")
            .member("ReadCapacityUnits", LONG).member("WriteCapacityUnits", LONG);
    private static final WireType KEY_SCHEMA = listOf(valueStructure("KeySchemaElement")
            .member("AttributeName", STRING).member("KeyType", STRING));
    private static final WireType PROJECTION = fieldStructure("Projection")
            .member("ProjectionType", STRING).member("NonKeyAttributes", listOf(STRING));
    private static final WireType CONDITIONS = mapOf("Condition", valueStructure("Condition")
            .member("AttributeValueList", listOf(ATTRIBUTE_VALUE)).member("ComparisonOperator", STRING));
    private static final WireType NAMES = mapOf("java.lang.String", STRING);

    /**
     * The members DynamoDB's API model gives the same type in every operation, by name (RequestItems,
     * whose type depends on the operation, is not one of them).
     */
    private static final Map<String, WireType> MEMBERS = Map.ofEntries(
            Map.entry("Key", ATTRIBUTE_MAP),
            Map.entry("Item", ATTRIBUTE_MAP),
            Map.entry("ExclusiveStartKey", ATTRIBUTE_MAP),
            Map.entry("ExpressionAttributeValues", ATTRIBUTE_MAP),
            Map.entry("ExpressionAttributeNames", NAMES),
            Map.entry("AttributesToGet", listOf(STRING)),
            Map.entry("TagKeys", listOf(STRING)),
            Map.entry("KeyConditions", CONDITIONS),
            Map.entry("QueryFilter", CONDITIONS),
            Map.entry("ScanFilter", CONDITIONS),
            Map.entry("Expected", mapOf("ExpectedAttributeValue", valueStructure("ExpectedAttributeValue")
                    .member("AttributeValueList", listOf(ATTRIBUTE_VALUE)).member("ComparisonOperator", STRING)
                    .member("Exists", BOOLEAN).member("Value", ATTRIBUTE_VALUE_FIELD))),
            Map.entry("AttributeUpdates", mapOf("AttributeValueUpdate", valueStructure("AttributeValueUpdate")
                    .member("Action", STRING).member("Value", ATTRIBUTE_VALUE_FIELD))),
            Map.entry("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
            Map.entry("KeySchema", KEY_SCHEMA),
            Map.entry("AttributeDefinitions", listOf(valueStructure("AttributeDefinition")
                    .member("AttributeName", STRING).member("AttributeType", STRING))),
            Map.entry("LocalSecondaryIndexes", listOf(valueStructure("LocalSecondaryIndex")
                    .member("IndexName", STRING).member("KeySchema", KEY_SCHEMA).member("Projection", PROJECTION))),
            Map.entry("GlobalSecondaryIndexes", listOf(valueStructure("GlobalSecondaryIndex")
                    .member("IndexName", STRING).member("KeySchema", KEY_SCHEMA).member("Projection", PROJECTION)
                    .member("ProvisionedThroughput", PROVISIONED_THROUGHPUT))),
            Map.entry("GlobalSecondaryIndexUpdates", listOf(valueStructure("GlobalSecondaryIndexUpdate")
                    .member("Update", fieldStructure("UpdateGlobalSecondaryIndexAction")
                            .member("IndexName", STRING).member("ProvisionedThroughput", PROVISIONED_THROUGHPUT))
                    .member("Create", fieldStructure("CreateGlobalSecondaryIndexAction")
                            .member("IndexName", STRING).member("KeySchema", KEY_SCHEMA).member("Projection", PROJECTION)
                            .member("ProvisionedThroughput", PROVISIONED_THROUGHPUT))
                    .member("Delete", fieldStructure("DeleteGlobalSecondaryIndexAction").member("IndexName", STRING)))),
            Map.entry("Tags", listOf(valueStructure("Tag").member("Key", STRING).member("Value", STRING))));

    /** BatchGetItem's RequestItems: the keys and projection to read, by table. */
    static final WireType KEYS_AND_ATTRIBUTES_BY_TABLE = mapOf("KeysAndAttributes", valueStructure("KeysAndAttributes")
            .member("Keys", listOf(ATTRIBUTE_MAP)).member("AttributesToGet", listOf(STRING))
            .member("ConsistentRead", BOOLEAN).member("ProjectionExpression", STRING)
            .member("ExpressionAttributeNames", NAMES));

    /** BatchWriteItem's RequestItems: the puts and deletes, by table. */
    static final WireType WRITE_REQUESTS_BY_TABLE = mapOf("java.util.List<" + MODEL + "WriteRequest>",
            listOf(valueStructure("WriteRequest")
                    .member("PutRequest", fieldStructure("PutRequest").member("Item", ATTRIBUTE_MAP))
                    .member("DeleteRequest", fieldStructure("DeleteRequest").member("Key", ATTRIBUTE_MAP))));

    /**
     * The type of a member named so; for a name whose type the model does not share across operations,
     * the kind of value the operation declares it to be, its content left to the operation to check.
     */
    static WireType ofMember(String name, RequestShape.Type declared) {
        return switch (declared) {
            case STRING -> STRING;
            case INTEGER -> INTEGER;
            case BOOLEAN -> BOOLEAN;
            case LIST -> MEMBERS.getOrDefault(name, listOf(ANY));
            case MAP, STRUCTURE -> MEMBERS.getOrDefault(name, fieldStructure(name));
        };
    }

    /** A value the operation itself checks. */
    private static final WireType ANY = new WireType() {
        @Override
        JsonNode check(JsonNode value) {
            return value;
        }
    };

    private static Structure attributeValue(Structure value) {
        Structure nested = valueStructure("AttributeValue");
        for (Structure structure : List.of(value, nested)) {
            structure.member("S", STRING).member("B", BLOB).member("N", STRING).member("BOOL", BOOLEAN)
                    .member("NULL", BOOLEAN).member("BS", listOf(BLOB)).member("NS", listOf(STRING))
                    .member("SS", listOf(STRING)).member("L", listOf(nested))
                    .member("M", mapOf("AttributeValue", nested));
        }
        return value;
    }

    /** A list or a structure where a scalar the service reads as {@code javaClass} belongs is refused. */
    private static void requireScalar(JsonNode value, String javaClass) {
        if (value.isArray()) {
            throw new SerializationException("Unrecognized collection type class " + javaClass);
        }
        if (value.isObject()) {
            throw new SerializationException("Start of structure or map found where not expected");
        }
    }

    private static final class Scalar extends WireType {
        private final String javaType;

        Scalar(String javaType) {
            this.javaType = javaType;
        }

        @Override
        JsonNode check(JsonNode value) {
            requireScalar(value, "java.lang." + javaType);
            boolean fits = switch (javaType) {
                case "String" -> value.isTextual();
                case "Boolean" -> value.isBoolean();
                default -> value.isNumber();
            };
            if (fits) {
                return value;
            }
            if (javaType.equals("Boolean") && value.isTextual()) {
                return booleanWord(value.textValue());
            }
            String kind = value.isBoolean() ? (value.booleanValue() ? "TRUE" : "FALSE")
                    : value.isTextual() ? "STRING"
                    : value.isIntegralNumber() ? "NUMBER" : "DECIMAL";
            throw new SerializationException(kind + "_VALUE cannot be converted to " + javaType);
        }

        /** AWS reads "true", "yes" and "1" (and their opposites), in any case, as booleans. */
        private static JsonNode booleanWord(String word) {
            return switch (word.toUpperCase()) {
                case "TRUE", "YES", "1" -> BooleanNode.TRUE;
                case "FALSE", "NO", "0" -> BooleanNode.FALSE;
                default -> throw new SerializationException("Unexpected token received from parser");
            };
        }
    }

    private static final class Blob extends WireType {
        @Override
        JsonNode check(JsonNode value) {
            requireScalar(value, "java.nio.ByteBuffer");
            if (!value.isTextual()) {
                throw new SerializationException("only base-64-encoded strings are convertible to bytes");
            }
            String text = value.textValue();
            if (text.length() % 4 != 0) {
                throw new SerializationException("Base64 encoded length is expected a multiple of 4 bytes but found: "
                        + text.length());
            }
            try {
                // AWS refuses an encoding that does not round-trip (stray bits in the last character)
                if (!Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text)) {
                    throw new IllegalArgumentException("not canonical");
                }
            } catch (IllegalArgumentException e) {
                throw new SerializationException("Invalid last non-pad Base64 character dectected");
            }
            return value;
        }
    }

    private static final class ListOf extends WireType {
        private final WireType element;

        ListOf(WireType element) {
            this.element = element;
        }

        @Override
        JsonNode check(JsonNode value) {
            if (value.isObject()) {
                throw new SerializationException("Start of structure or map found where not expected");
            }
            if (!value.isArray()) {
                throw new SerializationException("Unexpected field type");
            }
            ArrayNode list = (ArrayNode) value;
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isNull()) {
                    list.set(i, element.check(list.get(i)));
                }
            }
            return value;
        }
    }

    private static final class MapOf extends WireType {
        private final String valueClass;
        private final WireType value;

        MapOf(String valueClass, WireType value) {
            this.valueClass = valueClass;
            this.value = value;
        }

        @Override
        JsonNode check(JsonNode map) {
            if (map.isArray()) {
                throw new SerializationException("Unrecognized collection type java.util.Map<java.lang.String, " + valueClass + ">");
            }
            if (!map.isObject()) {
                throw new SerializationException("Unexpected field type");
            }
            checkMembers((ObjectNode) map, name -> value);
            return map;
        }
    }

    /** A structure of named members; members it does not know are left for the operation to ignore. */
    static final class Structure extends WireType {
        private final String shape;
        private final String scalarMessage;
        private final Map<String, WireType> members = new LinkedHashMap<>();

        private Structure(String shape, String scalarMessage) {
            this.shape = shape;
            this.scalarMessage = scalarMessage;
        }

        Structure member(String name, WireType type) {
            members.put(name, type);
            return this;
        }

        @Override
        JsonNode check(JsonNode value) {
            if (value.isArray()) {
                throw new SerializationException("Unrecognized collection type class " + MODEL + shape);
            }
            if (!value.isObject()) {
                throw new SerializationException(scalarMessage);
            }
            checkMembers((ObjectNode) value, members::get);
            return value;
        }
    }

    private static void checkMembers(ObjectNode object, java.util.function.Function<String, WireType> typeOf) {
        for (Entry<String, JsonNode> field : List.copyOf(object.properties())) {
            WireType type = typeOf.apply(field.getKey());
            if (type != null && !field.getValue().isNull()) {
                JsonNode read = type.check(field.getValue());
                if (read != field.getValue()) {
                    object.set(field.getKey(), read);
                }
            }
        }
    }
}
