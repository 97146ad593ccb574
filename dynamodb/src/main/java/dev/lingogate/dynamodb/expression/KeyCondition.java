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
import java.util.Set;

/**
 * A Query's key condition, from a KeyConditionExpression or the legacy KeyConditions, understood
 * in two steps as AWS checks it. Before any table is looked up it is one condition per attribute
 * ({@link Part}), joined by AND; against the key schema of the table or index it then selects one
 * partition and optionally a range of sort keys ({@code EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH}),
 * which storage reads as one index range.
 */
public final class KeyCondition {

    /** One attribute's condition: a legacy ComparisonOperator name and its values. */
    public record Part(String attribute, String operator, List<JsonNode> values) {
        public Part {
            values = List.copyOf(values);
        }
    }

    private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

    private final List<Part> parts;

    private KeyCondition(List<Part> parts) {
        if (parts.size() != 1 && parts.size() != 2) {
            throw new ValidationException("Conditions can be of length 1 or 2 only");
        }
        this.parts = List.copyOf(parts);
    }

    /** The legacy KeyConditions' entries, already checked one by one. */
    public static KeyCondition of(List<Part> parts) {
        return new KeyCondition(parts);
    }

    /** A parsed KeyConditionExpression, checked for what a key condition may say before the key schema is known. */
    public static KeyCondition of(Condition condition) {
        List<Part> parts = new ArrayList<>();
        collect(condition, parts);
        return new KeyCondition(parts);
    }

    /**
     * Checks the condition on one attribute of the key schema (partition first), with AWS's words
     * for what it cannot select; {@code keyCount} is how many attributes the schema has.
     */
    public void checkAgainst(KeyAttribute key, boolean partition, int keyCount) {
        if (partition && keyCount == 1 && parts.size() > 1) {
            throw new ValidationException("Query key condition not supported");
        }
        Part part = partOf(key.name());
        if (part == null) {
            if (partition || parts.size() > 1) {
                throw new ValidationException("Query condition missed key schema element: " + key.name());
            }
            return;
        }
        if (NOT_INDEXABLE.contains(part.operator())) {
            throw new ValidationException("Attempted conditional constraint is not an indexable operation");
        }
        if (part.values().stream().anyMatch(value -> !AttributeValue.type(value).equals(key.type()))) {
            throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
        }
        if (partition && !part.operator().equals("EQ")) {
            throw new ValidationException("Query key condition not supported");
        }
    }

    /** The partition key value asked for (after {@link #checkAgainst} passed for the partition key). */
    public JsonNode partitionValue(KeySchema schema) {
        return partOf(schema.partition().name()).values().get(0);
    }

    /** Whether the condition names the sort key; without one, the whole partition is read. */
    public boolean hasSortCondition(KeySchema schema) {
        return schema.sort().map(sort -> partOf(sort.name()) != null).orElse(false);
    }

    /** Whether a sort key value meets the sort key's condition. */
    public boolean sortMatches(KeySchema schema, JsonNode value) {
        Part part = partOf(schema.sort().orElseThrow().name());
        List<JsonNode> v = part.values();
        if (!AttributeValue.ordered(value, v.get(0))) {
            return false;
        }
        int order = AttributeValue.compare(value, v.get(0));
        return switch (part.operator()) {
            case "EQ" -> order == 0;
            case "LT" -> order < 0;
            case "LE" -> order <= 0;
            case "GT" -> order > 0;
            case "GE" -> order >= 0;
            case "BETWEEN" -> order >= 0 && AttributeValue.compare(value, v.get(1)) <= 0;
            default -> new Condition.BeginsWith(new Operand.Literal(value), new Operand.Literal(v.get(0))).test(null);
        };
    }

    /** The range of the key schema's index this condition selects, after {@link #checkAgainst} passed for each key attribute. */
    public KeyRange range(KeySchema schema, PrimaryKey exclusiveStart, PrimaryKey exclusiveStartTableKey, boolean forward) {
        byte[] partition = KeySchema.encodedKeyValue(partitionValue(schema), schema.partition());
        byte[] lower = null;
        byte[] upper = null;
        boolean lowerInclusive = false;
        boolean upperInclusive = false;
        if (hasSortCondition(schema)) {
            KeyAttribute sort = schema.sort().orElseThrow();
            Part part = partOf(sort.name());
            if (part.operator().equals("BEGINS_WITH")) {
                if (sort.type().equals("N")) {
                    throw new ValidationException("Invalid operator used in KeyConditionExpression: begins_with");
                }
                lower = KeyEncoding.encode(part.values().get(0));
                lowerInclusive = true;
                upper = KeyEncoding.prefixEnd(lower);
            } else {
                byte[] first = KeySchema.encodedKeyValue(part.values().get(0), sort);
                switch (part.operator()) {
                    case "EQ" -> {
                        lower = first;
                        upper = first;
                        lowerInclusive = true;
                        upperInclusive = true;
                    }
                    case "LT" -> upper = first;
                    case "LE" -> {
                        upper = first;
                        upperInclusive = true;
                    }
                    case "GT" -> lower = first;
                    case "GE" -> {
                        lower = first;
                        lowerInclusive = true;
                    }
                    default -> {
                        lower = first;
                        upper = KeySchema.encodedKeyValue(part.values().get(1), sort);
                        lowerInclusive = true;
                        upperInclusive = true;
                    }
                }
            }
        }
        return new KeyRange(partition, lower, lowerInclusive, upper, upperInclusive, exclusiveStart, exclusiveStartTableKey,
                forward);
    }

    private Part partOf(String attribute) {
        return parts.stream().filter(part -> part.attribute().equals(attribute)).findFirst().orElse(null);
    }

    /** The conditions joined by AND, each on one top-level attribute, in AWS's order of checks and words. */
    private static void collect(Condition condition, List<Part> parts) {
        if (condition instanceof Condition.And and) {
            collect(and.left(), parts);
            collect(and.right(), parts);
        } else if (condition instanceof Condition.Comparison comparison) {
            if (comparison.operator().equals("<>")) {
                throw invalidOperator("<>");
            }
            add(parts, comparison.operator(), List.of(comparison.left(), comparison.right()));
        } else if (condition instanceof Condition.Between between) {
            requireKeyFirst(between.value(), "BETWEEN");
            add(parts, "BETWEEN", List.of(between.value(), between.lower(), between.upper()));
        } else if (condition instanceof Condition.BeginsWith beginsWith) {
            requireKeyFirst(beginsWith.value(), "begins_with");
            add(parts, "BEGINS_WITH", List.of(beginsWith.value(), beginsWith.prefix()));
        } else {
            throw invalidOperator(operatorName(condition));
        }
    }

    private static String operatorName(Condition condition) {
        if (condition instanceof Condition.Or) {
            return "OR";
        }
        if (condition instanceof Condition.Not) {
            return "NOT";
        }
        if (condition instanceof Condition.In) {
            return "IN";
        }
        if (condition instanceof Condition.AttributeExists) {
            return "attribute_exists";
        }
        if (condition instanceof Condition.AttributeNotExists) {
            return "attribute_not_exists";
        }
        if (condition instanceof Condition.Contains) {
            return "contains";
        }
        return "attribute_type";
    }

    private static void requireKeyFirst(Operand first, String operator) {
        if (first instanceof Operand.Size) {
            throw new ValidationException("KeyConditionExpressions cannot contain nested operations");
        }
        if (!(first instanceof Operand.PathOperand)) {
            throw invalidCondition(operator + " operator must have the key attribute as its first operand");
        }
    }

    /** One comparison's part: exactly one operand is a top-level attribute, the others values; {@code :v < a} reads as {@code a > :v}. */
    private static void add(List<Part> parts, String operator, List<Operand> operands) {
        String attribute = null;
        int attributeAt = 0;
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (operand instanceof Operand.PathOperand path) {
                if (attribute != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (path.path().isNested()) {
                    throw new ValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                attribute = path.path().topLevelName();
                attributeAt = i;
            } else if (operand instanceof Operand.Literal literal) {
                values.add(literal.attributeValue());
            } else {
                throw new ValidationException("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (attribute == null) {
            throw invalidCondition("No key attribute specified");
        }
        String named = attribute;
        if (parts.stream().anyMatch(part -> part.attribute().equals(named))) {
            throw new ValidationException("KeyConditionExpressions must only contain one condition per key");
        }
        parts.add(new Part(attribute, legacyName(operator, attributeAt != 0), values));
    }

    private static String legacyName(String operator, boolean flipped) {
        return switch (operator) {
            case "=" -> "EQ";
            case "<" -> flipped ? "GT" : "LT";
            case "<=" -> flipped ? "GE" : "LE";
            case ">" -> flipped ? "LT" : "GT";
            case ">=" -> flipped ? "LE" : "GE";
            default -> operator;
        };
    }

    /**
     * A key condition that parses but cannot select a key range: AWS's message names the
     * KeyConditionExpression itself, without the "Invalid KeyConditionExpression: " of a parse error.
     */
    private static ValidationException invalidOperator(String operator) {
        return new ValidationException("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static ValidationException invalidCondition(String message) {
        return new ValidationException("Invalid condition in KeyConditionExpression: " + message);
    }
}
