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
 * One attribute's legacy condition: a ComparisonOperator and its AttributeValueList, as each entry
 * of KeyConditions, QueryFilter and ScanFilter gives it (and Expected, in its own ways).
 */
record AttributeCondition(String attribute, ComparisonOperator operator, List<JsonNode> values) {

    Condition condition() {
        return operator.on(attribute, values);
    }

    /**
     * The entries of a KeyConditions, QueryFilter or ScanFilter map, each checked as AWS checks it;
     * {@code member} is the map's name as AWS writes it in messages, e.g. {@code scanFilter}.
     */
    static List<AttributeCondition> readAll(JsonNode map, String member) {
        List<AttributeCondition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode condition = entry.getValue();
            if (!condition.isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            ComparisonOperator operator = operator(condition.get("ComparisonOperator"), member + "." + entry.getKey());
            List<JsonNode> values = values(condition.get("AttributeValueList"));
            operator.checkCountAndOrder(values);
            operator.checkTypes(values);
            operator.checkBetweenBounds(values);
            conditions.add(new AttributeCondition(entry.getKey(), operator, values));
        }
        return conditions;
    }

    /** The operator a condition names, or AWS's validation error for none or an unknown one. */
    static ComparisonOperator operator(JsonNode name, String at) {
        String where = "at '" + at + ".member.comparisonOperator'";
        if (name == null || name.isNull()) {
            throw new ValidationException("1 validation error detected: Value null " + where
                    + " failed to satisfy constraint: Member must not be null");
        }
        if (!name.isTextual()) {
            throw new SerializationException(name.getNodeType() + "_VALUE cannot be converted to String");
        }
        ComparisonOperator operator = ComparisonOperator.named(name.textValue());
        if (operator == null) {
            throw new ValidationException("1 validation error detected: Value '" + name.textValue() + "' " + where
                    + " failed to satisfy constraint: Member must satisfy enum value set: " + ComparisonOperator.AWS_ORDER);
        }
        return operator;
    }

    /** An AttributeValueList's values, each checked; none when absent. */
    static List<JsonNode> values(JsonNode list) {
        List<JsonNode> values = new ArrayList<>();
        if (list == null || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        list.forEach(value -> values.add(AttributeValue.checked(value)));
        return values;
    }

    /** The conditions joined by ConditionalOperator (AND unless it says OR); null when there are none. */
    static Condition joined(List<AttributeCondition> conditions, JsonNode conditionalOperator) {
        boolean or = conditionalOperator != null && "OR".equals(conditionalOperator.asText());
        Condition joined = null;
        for (AttributeCondition condition : conditions) {
            Condition next = condition.condition();
            joined = joined == null ? next : or ? new Condition.Or(joined, next) : new Condition.And(joined, next);
        }
        return joined;
    }
}
