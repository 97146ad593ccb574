package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.ExpressionAttributes;
import dev.lingogate.dynamodb.expression.ExpressionParser;
import dev.lingogate.dynamodb.expression.KeyCondition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.expression.UpdateExpression;
import dev.lingogate.dynamodb.table.KeySchema;

/**
 * The expressions of one request, parsed against its shared ExpressionAttributeNames and
 * ExpressionAttributeValues; {@link #checkAllUsed} then rejects placeholders none of them used.
 */
final class RequestExpressions {

    private final JsonNode input;
    private final ExpressionAttributes attributes;

    RequestExpressions(JsonNode input) {
        this.input = input;
        this.attributes = new ExpressionAttributes(input.get("ExpressionAttributeNames"), input.get("ExpressionAttributeValues"));
    }

    /** The named condition expression (ConditionExpression, FilterExpression), or null when absent. */
    Condition condition(String member) {
        String text = text(member);
        return text == null ? null : ExpressionParser.condition(member, text, attributes);
    }

    Projection projection() {
        String text = text("ProjectionExpression");
        return text == null ? null : ExpressionParser.projection(text, attributes);
    }

    UpdateExpression update() {
        String text = text("UpdateExpression");
        return text == null ? null : ExpressionParser.update(text, attributes);
    }

    KeyCondition keyCondition(KeySchema schema) {
        return KeyCondition.parse(text("KeyConditionExpression"), attributes, schema);
    }

    void checkAllUsed() {
        attributes.checkAllUsed();
    }

    private String text(String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
