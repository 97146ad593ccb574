package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.KeyCondition;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.KeySchema;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * KeyConditions, Query's legacy key condition: EQ on the partition key and, optionally, one
 * indexable comparison on the sort key; checked with AWS's words for the legacy form, then read
 * as the KeyConditionExpression it means.
 */
public final class KeyConditions {

    private static final Set<ComparisonOperator> NOT_INDEXABLE = EnumSet.of(ComparisonOperator.NULL,
            ComparisonOperator.NOT_NULL, ComparisonOperator.NE, ComparisonOperator.CONTAINS, ComparisonOperator.NOT_CONTAINS,
            ComparisonOperator.IN);

    private KeyConditions() {
    }

    public static KeyCondition of(JsonNode map, KeySchema schema) {
        List<AttributeCondition> conditions = checked(map);
        if (schema.sort().isEmpty() && conditions.size() > 1) {
            throw new ValidationException("Query key condition not supported");
        }
        Condition partition = keyPart(conditions, schema.partition(), true);
        Condition sort = schema.sort().map(attribute -> keyPart(conditions, attribute, false)).orElse(null);
        if (sort == null && conditions.size() > 1) {
            throw new ValidationException("Query condition missed key schema element: " + schema.sort().orElseThrow().name());
        }
        return KeyCondition.of(sort == null ? partition : new Condition.And(partition, sort), schema);
    }

    /** The conditions, checked for what AWS checks before it knows the table's key. */
    static List<AttributeCondition> checked(JsonNode map) {
        List<AttributeCondition> conditions = AttributeCondition.readAll(map, "keyConditions");
        if (conditions.size() != 1 && conditions.size() != 2) {
            throw new ValidationException("Conditions can be of length 1 or 2 only");
        }
        return conditions;
    }

    /** The condition on one key attribute, or null for a sort key left unconditioned. */
    private static Condition keyPart(List<AttributeCondition> conditions, KeyAttribute key, boolean partition) {
        AttributeCondition found = conditions.stream().filter(c -> c.attribute().equals(key.name())).findFirst().orElse(null);
        if (found == null) {
            if (partition) {
                throw new ValidationException("Query condition missed key schema element: " + key.name());
            }
            return null;
        }
        if (NOT_INDEXABLE.contains(found.operator())) {
            throw new ValidationException("Attempted conditional constraint is not an indexable operation");
        }
        if (found.values().stream().anyMatch(value -> !AttributeValue.type(value).equals(key.type()))) {
            throw ValidationException.invalidParameter("Condition parameter type does not match schema type");
        }
        if (partition && found.operator() != ComparisonOperator.EQ) {
            throw new ValidationException("Query key condition not supported");
        }
        return found.condition();
    }
}
