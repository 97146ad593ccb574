package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What an item counts against a Query's or Scan's 1 MB page. DynamoDB counts its own stored form,
 * not the item size that capacity and the 400 KB limit use: each attribute name as one byte, each
 * value with a length prefix, numbers as base-100 digits, plus a per-item overhead that repeats
 * every 3 KB and carries the table's sort key. This model (measured against DynamoDB by dynalite's
 * authors, whose suite checks the page boundary to the item) ends a page on the same item as AWS.
 */
final class PageSize {

    private PageSize() {
    }

    /** @param sortKey the table's sort key attribute, or null */
    static long of(JsonNode item, String sortKey) {
        long sortKeySize = 0;
        long size = 0;
        for (Map.Entry<String, JsonNode> attribute : item.properties()) {
            if (attribute.getKey().equals(sortKey)) {
                sortKeySize = stored(attribute.getValue(), false);
            } else {
                size += stored(attribute.getValue(), true) + 1;
            }
        }
        return 2 + size + (1 + (1 + size) / 3072) * (18 + sortKeySize);
    }

    /** A map's members, compressed like an item's attributes but without the item's overhead. */
    private static long members(JsonNode map) {
        long size = 0;
        for (Map.Entry<String, JsonNode> member : map.properties()) {
            size += stored(member.getValue(), true) + 1;
        }
        return size;
    }

    /** A value's stored size: its content and, compressed, its length prefix. */
    private static long stored(JsonNode value, boolean compressed) {
        String type = AttributeValue.type(value);
        JsonNode content = value.get(type);
        long size = content(type, content, compressed);
        if (!compressed) {
            return size;
        }
        return switch (type) {
            case "S" -> size + (size < 128 ? 1 : size < 16384 ? 2 : 3);
            case "B", "N" -> size + 1;
            case "SS", "NS", "BS" -> size + content.size() + 1;
            case "NULL" -> 0;
            case "BOOL" -> 1;
            default -> size;
        };
    }

    private static long content(String type, JsonNode content, boolean compressed) {
        return switch (type) {
            // counted in UTF-16 code units, as measured
            case "S" -> content.asText().length();
            case "B" -> AttributeValue.binary(AttributeValue.JSON.objectNode().set("B", content)).length;
            case "N" -> number(new BigDecimal(content.asText()));
            case "SS" -> sum(content, element -> (long) element.asText().length());
            case "BS" -> sum(content, element -> (long) AttributeValue.binary(AttributeValue.JSON.objectNode().set("B", element)).length);
            case "NS" -> sum(content, element -> number(new BigDecimal(element.asText())));
            case "L" -> 3 + sum(content, element -> 1 + stored(element, compressed));
            case "M" -> 3 + content.size() + members(content);
            default -> 1;
        };
    }

    /** A number as DynamoDB stores it: an exponent byte, two digits a byte, a sign byte for negatives. */
    private static long number(BigDecimal value) {
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int digits = stripped.precision();
        int exponent = stripped.precision() - stripped.scale() - 1;
        boolean aligned = digits % 2 == 0 && exponent % 2 == 0;
        return 1 + (digits + 1) / 2 + (aligned ? 1 : 0) + (value.signum() < 0 ? 1 : 0);
    }

    private static long sum(JsonNode elements, ToLongFunction<JsonNode> size) {
        long total = 0;
        for (JsonNode element : elements) {
            total += size.applyAsLong(element);
        }
        return total;
    }
}
