package dev.lingogate.dynamodb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's attribute values kept in their wire form, a one-field JSON object such as
 * {@code {"S": "hello"}} or {@code {"M": {...}}}: items go from request to SQLite and back without
 * being mapped to another model. This class holds the rules that form carries: which types
 * exist, how values compare and how big they are.
 */
public final class AttributeValue {

    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** DynamoDB's largest item. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private static final Set<String> TYPES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");

    private AttributeValue() {
    }

    public static ObjectNode s(String value) {
        return JSON.objectNode().put("S", value);
    }

    public static ObjectNode n(BigDecimal value) {
        return JSON.objectNode().put("N", DynamoNumber.format(value));
    }

    public static ObjectNode bool(boolean value) {
        return JSON.objectNode().put("BOOL", value);
    }

    /** The type name of a value already checked by {@link #checked}: S, N, B, SS, NS, BS, M, L, NULL or BOOL. */
    public static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    public static boolean isValidTypeName(String name) {
        return TYPES.contains(name);
    }

    public static BigDecimal number(JsonNode value) {
        return new BigDecimal(value.get("N").asText());
    }

    public static byte[] binary(JsonNode value) {
        return Base64.getDecoder().decode(value.get("B").asText());
    }

    /**
     * Checks a value as a client sent it and returns it in canonical form (numbers normalised), or
     * fails with AWS's words for what is wrong.
     */
    public static JsonNode checked(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        // AWS checks the content of every type a value sets before it says that it sets more than one
        JsonNode canonical = null;
        int types = 0;
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            // AWS's deserializer drops members the model does not know, so {"a": ""} sets no type
            if (!field.getValue().isNull() && isValidTypeName(field.getKey())) {
                canonical = checked(field.getKey(), field.getValue());
                types++;
            }
        }
        if (types == 0) {
            throw new ValidationException(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (types > 1) {
            throw new ValidationException(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        return canonical;
    }

    private static JsonNode checked(String type, JsonNode content) {
        switch (type) {
            case "S" -> {
                return JSON.objectNode().put("S", text(content, "String"));
            }
            case "N" -> {
                return n(DynamoNumber.parse(text(content, "String")));
            }
            case "B" -> {
                decodeBase64(text(content, "Blob"));
                return JSON.objectNode().set("B", content);
            }
            case "BOOL", "NULL" -> {
                if (!content.isBoolean()) {
                    throw new SerializationException(content.getNodeType() + "_VALUE cannot be converted to Boolean");
                }
                if (type.equals("NULL") && !content.booleanValue()) {
                    throw ValidationException.invalidParameter("Null attribute value types must have the value of true");
                }
                return JSON.objectNode().set(type, content);
            }
            case "SS", "NS", "BS" -> {
                return checkedSet(type, content);
            }
            case "L" -> {
                if (!content.isArray()) {
                    throw new SerializationException("Unexpected value type in payload");
                }
                ArrayNode list = JSON.arrayNode(content.size());
                content.forEach(element -> list.add(checked(element)));
                return JSON.objectNode().set("L", list);
            }
            case "M" -> {
                if (!content.isObject()) {
                    throw new SerializationException("Unexpected value type in payload");
                }
                return JSON.objectNode().set("M", checkedMap(content));
            }
            default -> throw new IllegalArgumentException("not an attribute value type: " + type);
        }
    }

    /** Checks every value of a map of attribute values (an item, a key, a map attribute). */
    public static ObjectNode checkedMap(JsonNode map) {
        if (map == null || !map.isObject()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        ObjectNode out = JSON.objectNode();
        map.fields().forEachRemaining(field -> out.set(field.getKey(), checked(field.getValue())));
        return out;
    }

    private static JsonNode checkedSet(String type, JsonNode content) {
        if (!content.isArray()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        if (content.isEmpty()) {
            throw ValidationException.invalidParameter(switch (type) {
                case "SS" -> "An string set  may not be empty";
                case "NS" -> "An number set  may not be empty";
                default -> "Binary sets should not be empty";
            });
        }
        ArrayNode elements = JSON.arrayNode(content.size());
        Set<Object> seen = new HashSet<>();
        boolean duplicates = false;
        for (JsonNode element : content) {
            String text = text(element, "String");
            Object identity = switch (type) {
                case "NS" -> {
                    BigDecimal number = DynamoNumber.parse(text);
                    text = DynamoNumber.format(number);
                    yield text;
                }
                case "BS" -> Arrays.toString(decodeBase64(text));
                default -> text;
            };
            duplicates |= !seen.add(identity);
            elements.add(text);
        }
        if (duplicates) {
            // AWS's three set types word their duplicates three ways
            String listed = "[" + String.join(", ", content.valueStream().map(JsonNode::asText).toList()) + "]";
            throw switch (type) {
                case "SS" -> ValidationException.invalidParameter("Input collection " + listed + " contains duplicates.");
                case "NS" -> new ValidationException("Input collection contains duplicates");
                default -> ValidationException.invalidParameter("Input collection " + listed + "of type BS contains duplicates.");
            };
        }
        return JSON.objectNode().set(type, elements);
    }

    private static String text(JsonNode content, String javaType) {
        if (!content.isTextual()) {
            throw new SerializationException(content.getNodeType() + "_VALUE cannot be converted to " + javaType);
        }
        return content.textValue();
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Base64 encoded value is not valid: " + e.getMessage());
        }
    }

    /** DynamoDB's equality: same type and same value; sets are equal whatever their order. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> number(a).compareTo(number(b)) == 0;
            case "B" -> Arrays.equals(binary(a), binary(b));
            case "SS", "NS", "BS" -> x.size() == y.size() && setContainsAll(type, x, y);
            case "L" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case "M" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (!equal(field.getValue(), y.get(field.getKey()))) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> x.equals(y);
        };
    }

    private static boolean setContainsAll(String type, JsonNode set, JsonNode elements) {
        for (JsonNode element : elements) {
            if (!setContains(type, set, element.asText())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a set of {@code type} (SS, NS or BS) holds the element given in its wire text. */
    public static boolean setContains(String type, JsonNode set, String element) {
        for (JsonNode candidate : set) {
            boolean same = switch (type) {
                case "NS" -> new BigDecimal(candidate.asText()).compareTo(new BigDecimal(element)) == 0;
                case "BS" -> Arrays.equals(Base64.getDecoder().decode(candidate.asText()), Base64.getDecoder().decode(element));
                default -> candidate.asText().equals(element);
            };
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** Whether two values are of one type that DynamoDB orders: N, S or B. */
    public static boolean ordered(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        return type.equals(type(b)) && (type.equals("N") || type.equals("S") || type.equals("B"));
    }

    /**
     * DynamoDB's order for two values of one of its ordered types: numbers by value, strings by
     * their UTF-8 bytes (the same as by code point), binaries as unsigned bytes.
     */
    public static int compare(JsonNode a, JsonNode b) {
        return switch (type(a)) {
            case "N" -> number(a).compareTo(number(b));
            case "S" -> compareByCodePoint(a.get("S").asText(), b.get("S").asText());
            case "B" -> Arrays.compareUnsigned(binary(a), binary(b));
            default -> throw new IllegalArgumentException("not an ordered type: " + type(a));
        };
    }

    private static int compareByCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The size DynamoDB bills and limits for one item: names plus values. */
    public static long itemSize(JsonNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            size += utf8Length(field.getKey()) + size(field.getValue());
        }
        return size;
    }

    /** The size of one value as DynamoDB counts it. */
    public static long size(JsonNode value) {
        String type = type(value);
        JsonNode content = value.get(type);
        return switch (type) {
            case "S" -> utf8Length(content.asText());
            case "N" -> numberSize(content.asText());
            case "B" -> binary(value).length;
            case "BOOL", "NULL" -> 1;
            case "SS" -> {
                long total = 0;
                for (JsonNode element : content) {
                    total += utf8Length(element.asText());
                }
                yield total;
            }
            case "NS" -> {
                long total = 0;
                for (JsonNode element : content) {
                    total += numberSize(element.asText());
                }
                yield total;
            }
            case "BS" -> {
                long total = 0;
                for (JsonNode element : content) {
                    total += Base64.getDecoder().decode(element.asText()).length;
                }
                yield total;
            }
            case "L" -> {
                long total = 3;
                for (JsonNode element : content) {
                    total += 1 + size(element);
                }
                yield total;
            }
            default -> 3 + content.size() + itemSize(content);
        };
    }

    private static long numberSize(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return (digits + 1) / 2 + 1;
    }

    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
