package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.DynamoNumber;
import java.math.BigDecimal;
import java.util.List;

/**
 * Something an expression takes a value from: a document path, a {@code :value}, {@code size(path)}
 * and, in an update's SET, arithmetic, {@code if_not_exists} and {@code list_append}.
 */
public sealed interface Operand {

    /** The operand's value against an item, or null when it refers to something the item lacks. */
    JsonNode value(JsonNode item);

    /** The type known before any item is seen (a literal's type), or null. */
    default String staticType() {
        return null;
    }

    /** The document paths the operands read, in the order written. */
    static void collectPaths(List<Operand> operands, List<Path> paths) {
        for (Operand operand : operands) {
            if (operand instanceof PathOperand path) {
                paths.add(path.path());
            } else if (operand instanceof Size size) {
                paths.add(size.path());
            } else if (operand instanceof Arithmetic arithmetic) {
                collectPaths(List.of(arithmetic.left(), arithmetic.right()), paths);
            } else if (operand instanceof IfNotExists ifNotExists) {
                paths.add(ifNotExists.path());
                collectPaths(List.of(ifNotExists.fallback()), paths);
            } else if (operand instanceof ListAppend append) {
                collectPaths(List.of(append.first(), append.second()), paths);
            }
        }
    }

    record PathOperand(Path path) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return path.resolve(item);
        }
    }

    record Literal(JsonNode attributeValue) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            return attributeValue;
        }

        @Override
        public String staticType() {
            return AttributeValue.type(attributeValue);
        }
    }

    /** {@code size(path)}: a string's length in characters, a binary's in bytes, a collection's element count. */
    record Size(Path path) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode value = path.resolve(item);
            if (value == null) {
                return null;
            }
            String type = AttributeValue.type(value);
            long size = switch (type) {
                // a string's size is its length in characters (UTF-16 code units), not its UTF-8 bytes, as AWS counts it
                case "S" -> value.get("S").asText().length();
                case "B" -> AttributeValue.binary(value).length;
                case "SS", "NS", "BS", "L", "M" -> value.get(type).size();
                default -> -1;
            };
            return size < 0 ? null : AttributeValue.n(BigDecimal.valueOf(size));
        }

        @Override
        public String staticType() {
            return "N";
        }
    }

    /** {@code a + b} or {@code a - b} in SET: both must be numbers. */
    record Arithmetic(Operand left, String operator, Operand right) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            BigDecimal a = AttributeValue.number(numberOperand(left, item));
            BigDecimal b = AttributeValue.number(numberOperand(right, item));
            BigDecimal result = operator.equals("+") ? a.add(b) : a.subtract(b);
            return AttributeValue.n(DynamoNumber.parse(result.toString()));
        }

        private static JsonNode numberOperand(Operand operand, JsonNode item) {
            JsonNode value = UpdateExpression.required(operand, item);
            if (!AttributeValue.type(value).equals("N")) {
                throw UpdateExpression.incorrectDataType();
            }
            return value;
        }
    }

    /** {@code if_not_exists(path, fallback)}: the path's value, or the fallback when the item lacks it. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode value = path.resolve(item);
            return value != null ? value : UpdateExpression.required(fallback, item);
        }
    }

    /** {@code list_append(first, second)}: the elements of both lists, first's before second's. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public JsonNode value(JsonNode item) {
            JsonNode a = UpdateExpression.required(first, item);
            JsonNode b = UpdateExpression.required(second, item);
            if (!AttributeValue.type(a).equals("L") || !AttributeValue.type(b).equals("L")) {
                throw UpdateExpression.incorrectDataType();
            }
            ArrayNode joined = AttributeValue.JSON.arrayNode();
            joined.addAll((ArrayNode) a.get("L"));
            joined.addAll((ArrayNode) b.get("L"));
            return AttributeValue.JSON.objectNode().set("L", joined);
        }
    }
}
