package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.KeyEncoding;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.KeySchema;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's KeyConditionExpression understood as what it selects: one partition, and optionally
 * a range of sort keys ({@code =, <, <=, >, >=, BETWEEN, begins_with}), which storage reads as one
 * index range.
 */
public final class KeyCondition {

    private final byte[] partition;
    private final byte[] lower;
    private final boolean lowerInclusive;
    private final byte[] upper;
    private final boolean upperInclusive;

    private KeyCondition(byte[] partition, byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
        this.partition = partition;
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
    }

    public static KeyCondition parse(String text, ExpressionAttributes attributes, KeySchema schema) {
        return of(ExpressionParser.condition("KeyConditionExpression", text, attributes), schema);
    }

    /** What a condition on the key selects, whether parsed from an expression or built from the legacy KeyConditions. */
    public static KeyCondition of(Condition condition, KeySchema schema) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        if (parts.size() > 2) {
            throw invalid("KeyConditionExpressions must only contain one condition per key");
        }
        byte[] partition = null;
        KeyCondition range = null;
        for (Condition part : parts) {
            String attribute = keyAttributeOf(part);
            if (attribute.equals(schema.partition().name())) {
                if (partition != null) {
                    throw invalid("KeyConditionExpressions must only contain one condition per key");
                }
                if (!(part instanceof Condition.Comparison comparison) || !comparison.operator().equals("=")) {
                    throw new ValidationException("Query key condition not supported");
                }
                partition = encoded(literal(comparison.right()), schema.partition());
            } else if (schema.sort().isPresent() && attribute.equals(schema.sort().get().name())) {
                if (range != null) {
                    throw invalid("KeyConditionExpressions must only contain one condition per key");
                }
                range = sortRange(part, schema.sort().get());
            } else {
                throw new ValidationException("Query condition missed key schema element: "
                        + schema.sort().filter(s -> parts.size() > 1).map(KeyAttribute::name).orElse(schema.partition().name()));
            }
        }
        if (partition == null) {
            throw new ValidationException("Query condition missed key schema element: " + schema.partition().name());
        }
        return range == null ? new KeyCondition(partition, null, false, null, false)
                : new KeyCondition(partition, range.lower, range.lowerInclusive, range.upper, range.upperInclusive);
    }

    public KeyRange range(PrimaryKey exclusiveStart, PrimaryKey exclusiveStartTableKey, boolean forward) {
        return new KeyRange(partition, lower, lowerInclusive, upper, upperInclusive, exclusiveStart, exclusiveStartTableKey,
                forward);
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else if (condition instanceof Condition.Or) {
            throw invalid("Invalid operator used in KeyConditionExpression: OR");
        } else if (condition instanceof Condition.Not) {
            throw invalid("Invalid operator used in KeyConditionExpression: NOT");
        } else {
            parts.add(condition);
        }
    }

    private static String keyAttributeOf(Condition part) {
        Operand subject;
        if (part instanceof Condition.Comparison comparison) {
            if (comparison.operator().equals("<>")) {
                throw invalid("Invalid operator used in KeyConditionExpression: <>");
            }
            subject = comparison.left();
        } else if (part instanceof Condition.Between between) {
            subject = between.value();
        } else if (part instanceof Condition.BeginsWith beginsWith) {
            subject = beginsWith.value();
        } else {
            throw invalid("Invalid operator used in KeyConditionExpression: " + operatorName(part));
        }
        if (!(subject instanceof Operand.PathOperand path) || path.path().isNested()) {
            throw new ValidationException("Query key condition not supported");
        }
        return path.path().topLevelName();
    }

    private static String operatorName(Condition part) {
        if (part instanceof Condition.In) {
            return "IN";
        }
        if (part instanceof Condition.Contains) {
            return "contains";
        }
        if (part instanceof Condition.AttributeExists) {
            return "attribute_exists";
        }
        if (part instanceof Condition.AttributeNotExists) {
            return "attribute_not_exists";
        }
        return "attribute_type";
    }

    private static KeyCondition sortRange(Condition part, KeyAttribute sort) {
        if (part instanceof Condition.Between between) {
            return new KeyCondition(null, encoded(literal(between.lower()), sort), true,
                    encoded(literal(between.upper()), sort), true);
        }
        if (part instanceof Condition.BeginsWith beginsWith) {
            if (sort.type().equals("N")) {
                throw invalid("Invalid operator used in KeyConditionExpression: begins_with");
            }
            byte[] prefix = encodedPrefix(literal(beginsWith.prefix()), sort);
            return new KeyCondition(null, prefix, true, KeyEncoding.prefixEnd(prefix), false);
        }
        Condition.Comparison comparison = (Condition.Comparison) part;
        byte[] value = encoded(literal(comparison.right()), sort);
        return switch (comparison.operator()) {
            case "=" -> new KeyCondition(null, value, true, value, true);
            case "<" -> new KeyCondition(null, null, false, value, false);
            case "<=" -> new KeyCondition(null, null, false, value, true);
            case ">" -> new KeyCondition(null, value, false, null, false);
            default -> new KeyCondition(null, value, true, null, false);
        };
    }

    private static JsonNode literal(Operand operand) {
        if (!(operand instanceof Operand.Literal literal)) {
            throw new ValidationException("Query key condition not supported");
        }
        return literal.attributeValue();
    }

    private static byte[] encoded(JsonNode value, KeyAttribute attribute) {
        if (!AttributeValue.type(value).equals(attribute.type())) {
            throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
        }
        return KeySchema.encodedKeyValue(value, attribute);
    }

    private static byte[] encodedPrefix(JsonNode value, KeyAttribute attribute) {
        if (!AttributeValue.type(value).equals(attribute.type())) {
            throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
        }
        return KeyEncoding.encode(value);
    }

    /**
     * A key condition that parses but cannot select a key range: AWS's message names the
     * KeyConditionExpression itself, without the "Invalid KeyConditionExpression: " of a parse error.
     */
    private static ValidationException invalid(String message) {
        return new ValidationException(message);
    }
}
