package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.Operand;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.List;
import java.util.Set;

/**
 * A ComparisonOperator of the legacy conditions (KeyConditions, QueryFilter, ScanFilter, Expected):
 * how many values it takes, of which types, and the expression condition it means.
 */
public enum ComparisonOperator {
    EQ(1, 1, "S", "N", "B", "SS", "NS", "BS"),
    NE(1, 1, "S", "N", "B", "SS", "NS", "BS"),
    LE(1, 1, "S", "N", "B"),
    LT(1, 1, "S", "N", "B"),
    GE(1, 1, "S", "N", "B"),
    GT(1, 1, "S", "N", "B"),
    NOT_NULL(0, 0),
    NULL(0, 0),
    CONTAINS(1, 1, "S", "N", "B"),
    NOT_CONTAINS(1, 1, "S", "N", "B"),
    BEGINS_WITH(1, 1, "S", "B"),
    IN(1, Integer.MAX_VALUE, "S", "N", "B"),
    BETWEEN(2, 2, "S", "N", "B");

    /** The operators in the order AWS lists them when refusing another. */
    static final String AWS_ORDER = "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]";

    private final int fewest;
    private final int most;
    private final Set<String> types;

    ComparisonOperator(int fewest, int most, String... types) {
        this.fewest = fewest;
        this.most = most;
        this.types = Set.of(types);
    }

    /** The operator named, or null for a name AWS does not know. */
    static ComparisonOperator named(String name) {
        for (ComparisonOperator operator : values()) {
            if (operator.name().equals(name)) {
                return operator;
            }
        }
        return null;
    }

    /** Fails unless the values are as many as this operator takes, all of one type, and in order for BETWEEN. */
    void checkCountAndOrder(List<JsonNode> values) {
        if (values.size() < fewest || values.size() > most) {
            throw ValidationException.invalidParameter("Invalid number of argument(s) for the " + name() + " ComparisonOperator");
        }
        if (!values.isEmpty()) {
            String type = AttributeValue.type(values.get(0));
            if (values.stream().anyMatch(value -> !AttributeValue.type(value).equals(type))) {
                throw ValidationException.invalidParameter("AttributeValues inside AttributeValueList must be of same type");
            }
        }
    }

    /** Fails unless every value is of a type this operator compares (filters and key conditions check this; Expected does not). */
    void checkTypes(List<JsonNode> values) {
        for (JsonNode value : values) {
            if (!types.contains(AttributeValue.type(value))) {
                throw ValidationException.invalidParameter("ComparisonOperator " + name() + " is not valid for "
                        + AttributeValue.type(value) + " AttributeValue type");
            }
        }
    }

    void checkBetweenBounds(List<JsonNode> values) {
        if (this == BETWEEN && AttributeValue.ordered(values.get(0), values.get(1))
                && AttributeValue.compare(values.get(0), values.get(1)) > 0) {
            throw new ValidationException("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
    }

    /** The expression condition this operator means for an attribute and its (checked) values. */
    Condition on(String attribute, List<JsonNode> values) {
        Path path = Path.of(attribute);
        Operand subject = new Operand.PathOperand(path);
        List<Operand> operands = values.stream().<Operand>map(Operand.Literal::new).toList();
        return switch (this) {
            case EQ -> new Condition.Comparison(subject, "=", operands.get(0));
            case NE -> new Condition.Comparison(subject, "<>", operands.get(0));
            case LE -> new Condition.Comparison(subject, "<=", operands.get(0));
            case LT -> new Condition.Comparison(subject, "<", operands.get(0));
            case GE -> new Condition.Comparison(subject, ">=", operands.get(0));
            case GT -> new Condition.Comparison(subject, ">", operands.get(0));
            case NOT_NULL -> new Condition.AttributeExists(path);
            case NULL -> new Condition.AttributeNotExists(path);
            case CONTAINS -> new Condition.Contains(subject, operands.get(0));
            case NOT_CONTAINS -> new Condition.Not(new Condition.Contains(subject, operands.get(0)));
            case BEGINS_WITH -> new Condition.BeginsWith(subject, operands.get(0));
            case IN -> new Condition.In(subject, operands);
            case BETWEEN -> new Condition.Between(subject, operands.get(0), operands.get(1));
        };
    }
}
