package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.ExpressionAttributes;
import dev.lingogate.dynamodb.expression.ExpressionParser;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.expression.UpdateExpression;
import dev.lingogate.dynamodb.legacy.AttributeUpdates;
import dev.lingogate.dynamodb.legacy.AttributesToGet;
import dev.lingogate.dynamodb.legacy.ExpectedConditions;
import dev.lingogate.dynamodb.legacy.FilterConditions;

/**
 * The expressions of one request, parsed against its shared ExpressionAttributeNames and
 * ExpressionAttributeValues; {@link #checkAllUsed} then rejects placeholders none of them used.
 * Where a request uses the legacy parameters instead (their shape allows one kind only), each is
 * read as the expression it stands for, so that one evaluator serves both.
 */
final class RequestExpressions {

    private final JsonNode input;
    private final ExpressionAttributes attributes;

    RequestExpressions(JsonNode input) {
        this.input = input;
        this.attributes = new ExpressionAttributes(input.get("ExpressionAttributeNames"), input.get("ExpressionAttributeValues"));
    }

    /**
     * The named condition expression (ConditionExpression, FilterExpression) or, in its absence,
     * its legacy form (Expected; QueryFilter or ScanFilter); null when the request has neither.
     */
    Condition condition(String member) {
        String text = text(member);
        if (text != null) {
            return ExpressionParser.condition(member, text, attributes);
        }
        JsonNode conditionalOperator = input.get("ConditionalOperator");
        return switch (member) {
            case "ConditionExpression" -> ExpectedConditions.of(input.get("Expected"), conditionalOperator);
            case "FilterExpression" -> input.hasNonNull("QueryFilter")
                    ? FilterConditions.of("QueryFilter", input.get("QueryFilter"), conditionalOperator)
                    : FilterConditions.of("ScanFilter", input.get("ScanFilter"), conditionalOperator);
            default -> null;
        };
    }

    /** ProjectionExpression or, in its absence, AttributesToGet; null when the request has neither. */
    Projection projection() {
        String text = text("ProjectionExpression");
        return text == null ? AttributesToGet.of(input.get("AttributesToGet")) : ExpressionParser.projection(text, attributes);
    }

    /** UpdateExpression or, in its absence, AttributeUpdates; null when the request has neither. */
    UpdateExpression update() {
        String text = text("UpdateExpression");
        return text == null ? AttributeUpdates.of(input.get("AttributeUpdates")) : ExpressionParser.update(text, attributes);
    }

    /** The parsed KeyConditionExpression, or null when the request has KeyConditions instead. */
    Condition keyConditionExpression() {
        String text = text("KeyConditionExpression");
        return text == null ? null : ExpressionParser.condition("KeyConditionExpression", text, attributes);
    }

    void checkAllUsed() {
        attributes.checkAllUsed();
    }

    private String text(String member) {
        JsonNode value = input.get(member);
        return value == null || value.isNull() ? null : value.textValue();
    }
}
