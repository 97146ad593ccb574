package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.edge.AwsException;

/** A write's ConditionExpression, tested on the current item inside the write's transaction. */
record WriteCondition(Condition condition, boolean returnItemOnFailure) {

    static WriteCondition of(Condition condition, JsonNode input) {
        JsonNode onFailure = input.get("ReturnValuesOnConditionCheckFailure");
        return new WriteCondition(condition, onFailure != null && "ALL_OLD".equals(onFailure.asText()));
    }

    /** Fails with ConditionalCheckFailedException unless the condition holds for the current item (or none). */
    void require(ObjectNode current) {
        if (condition == null || condition.test(current == null ? AttributeValue.JSON.objectNode() : current)) {
            return;
        }
        AwsException failed = new AwsException(400, "ConditionalCheckFailedException", "The conditional request failed");
        if (returnItemOnFailure && current != null) {
            failed.withField("Item", current);
        }
        throw failed;
    }
}
