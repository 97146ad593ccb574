package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Expected, the legacy condition of PutItem, UpdateItem and DeleteItem: per attribute either a
 * ComparisonOperator with a Value or an AttributeValueList, or the older Exists and Value
 * (Exists true, or absent, with a Value means EQ; Exists false means NULL).
 */
public final class ExpectedConditions {

    private ExpectedConditions() {
    }

    /** The condition an Expected map means, joined by ConditionalOperator; null when there is none. */
    public static Condition of(JsonNode expected, JsonNode conditionalOperator) {
        if (expected == null || expected.isNull()) {
            return null;
        }
        List<AttributeCondition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            conditions.add(read(entry.getKey(), entry.getValue()));
        }
        return AttributeCondition.joined(conditions, conditionalOperator);
    }

    private static AttributeCondition read(String attribute, JsonNode condition) {
        boolean hasList = present(condition, "AttributeValueList");
        boolean hasValue = present(condition, "Value");
        boolean hasExists = present(condition, "Exists");
        if (hasList && hasValue) {
            throw invalid("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
        }
        if (present(condition, "ComparisonOperator")) {
            if (hasExists) {
                throw invalid("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
            }
            ComparisonOperator operator = AttributeCondition.operator(condition.get("ComparisonOperator"), "expected." + attribute);
            if (operator != ComparisonOperator.NULL && operator != ComparisonOperator.NOT_NULL && !hasList && !hasValue) {
                throw invalid("Value or AttributeValueList must be used with ComparisonOperator: " + operator
                        + " for Attribute: " + attribute);
            }
            List<JsonNode> values = hasList ? AttributeCondition.values(condition.get("AttributeValueList"))
                    : hasValue ? List.of(AttributeValue.checked(condition.get("Value"))) : List.of();
            operator.checkCountAndOrder(values);
            operator.checkBetweenBounds(values);
            return new AttributeCondition(attribute, operator, values);
        }
        if (hasList) {
            throw invalid("AttributeValueList can only be used with a ComparisonOperator for Attribute: " + attribute);
        }
        if (hasExists && !condition.get("Exists").isBoolean()) {
            throw new SerializationException(condition.get("Exists").getNodeType() + "_VALUE cannot be converted to Boolean");
        }
        boolean exists = !hasExists || condition.get("Exists").booleanValue();
        if (exists && !hasValue) {
            throw invalid("Value must be provided when Exists is " + (hasExists ? "true" : "null") + " for Attribute: " + attribute);
        }
        if (!exists && hasValue) {
            throw invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
        }
        return exists
                ? new AttributeCondition(attribute, ComparisonOperator.EQ, List.of(AttributeValue.checked(condition.get("Value"))))
                : new AttributeCondition(attribute, ComparisonOperator.NULL, List.of());
    }

    private static boolean present(JsonNode condition, String member) {
        JsonNode value = condition.get(member);
        return value != null && !value.isNull();
    }

    private static ValidationException invalid(String detail) {
        return ValidationException.invalidParameter(detail);
    }
}
