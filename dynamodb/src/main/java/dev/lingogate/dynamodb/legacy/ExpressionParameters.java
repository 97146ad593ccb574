package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.List;

/**
 * Which expression parameters an operation has and which legacy parameters stand for them: a
 * request may use one kind or the other, never both, and ExpressionAttributeNames and
 * ExpressionAttributeValues only with expressions, as AWS rules. The legacy parameters are checked
 * here too, as AWS checks them: before any table is looked up.
 *
 * @param expressions       the expression members, in the order AWS names them in its message
 * @param legacyParameters  the legacy members, likewise
 * @param checkOrder        the legacy members whose values are checked here, in the order AWS checks them
 */
public record ExpressionParameters(List<String> expressions, List<String> legacyParameters, List<String> checkOrder) {

    public ExpressionParameters {
        expressions = List.copyOf(expressions);
        legacyParameters = List.copyOf(legacyParameters);
        checkOrder = List.copyOf(checkOrder);
    }

    /** Legacy members checked in the order AWS names them. */
    public ExpressionParameters(List<String> expressions, List<String> legacyParameters) {
        this(expressions, legacyParameters, legacyParameters);
    }

    public void check(JsonNode input) {
        List<String> usedExpressions = present(input, expressions);
        if (!usedExpressions.isEmpty()) {
            // A Query may take its key from KeyConditions and still filter with an expression.
            boolean keyConditionsAlone = present(input, "KeyConditions") && !present(input, "KeyConditionExpression");
            List<String> usedLegacy = present(input, legacyParameters).stream()
                    .filter(member -> !(keyConditionsAlone && member.equals("KeyConditions"))).toList();
            if (!usedLegacy.isEmpty()) {
                throw new ValidationException("Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {" + String.join(", ", usedLegacy) + "} Expression parameters: {"
                        + String.join(", ", usedExpressions) + "}");
            }
        }
        if (present(input, "ExpressionAttributeNames") && usedExpressions.isEmpty()) {
            throw new ValidationException("ExpressionAttributeNames can only be specified when using expressions");
        }
        List<String> valueExpressions = expressions.stream().filter(member -> !member.equals("ProjectionExpression")).toList();
        if (!valueExpressions.isEmpty() && present(input, "ExpressionAttributeValues")
                && present(input, valueExpressions).isEmpty()) {
            throw new ValidationException("ExpressionAttributeValues can only be specified when using expressions: "
                    + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is") + " null");
        }
        for (String member : present(input, checkOrder)) {
            JsonNode value = input.get(member);
            switch (member) {
                case "AttributesToGet" -> AttributesToGet.of(value);
                case "QueryFilter", "ScanFilter" -> FilterConditions.of(member, value, null);
                case "Expected" -> ExpectedConditions.of(value, null);
                case "AttributeUpdates" -> AttributeUpdates.of(value);
                default -> {
                    // ConditionalOperator: its values were checked with the request's shape; KeyConditions: by Query, after
                    // the expressions
                }
            }
        }
    }

    private static List<String> present(JsonNode input, List<String> members) {
        return members.stream().filter(member -> present(input, member)).toList();
    }

    private static boolean present(JsonNode input, String member) {
        JsonNode value = input.get(member);
        return value != null && !value.isNull();
    }
}
