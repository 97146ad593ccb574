package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;

/** QueryFilter and ScanFilter, the legacy filters of Query and Scan. */
public final class FilterConditions {

    private FilterConditions() {
    }

    /**
     * The condition a filter map means, joined by ConditionalOperator; null when there is none.
     *
     * @param member the filter's name, QueryFilter or ScanFilter
     */
    public static Condition of(String member, JsonNode filter, JsonNode conditionalOperator) {
        if (filter == null || filter.isNull()) {
            return null;
        }
        String at = Character.toLowerCase(member.charAt(0)) + member.substring(1);
        return AttributeCondition.joined(AttributeCondition.readAll(filter, at), conditionalOperator);
    }
}
