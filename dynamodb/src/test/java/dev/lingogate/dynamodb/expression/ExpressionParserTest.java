package dev.lingogate.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.ValidationException;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    private static ExpressionAttributes values() {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        values.set(":t", JsonNodeFactory.instance.objectNode().put("BOOL", true));
        values.set(":one", JsonNodeFactory.instance.objectNode().put("N", "1"));
        return new ExpressionAttributes(null, values);
    }

    private static ObjectNode item() {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set("a", JsonNodeFactory.instance.objectNode().put("N", "1"));
        return item;
    }

    @Test
    void aStringsSizeIsItsLengthInCharactersNotBytes() {
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        values.set(":three", JsonNodeFactory.instance.objectNode().put("N", "3"));
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set("s", JsonNodeFactory.instance.objectNode().put("S", "ab\u00ff"));
        assertThat(ExpressionParser.condition("FilterExpression", "size(s) = :three", new ExpressionAttributes(null, values))
                .test(item)).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        // true OR (false AND false) is true; (true OR false) AND false would be false
        Condition condition = ExpressionParser.condition("ConditionExpression",
                "a = :one OR a <> :one AND attribute_exists(b)", values());
        assertThat(condition.test(item())).isTrue();
    }

    @Test
    void notBindsTighterThanAnd() {
        Condition condition = ExpressionParser.condition("ConditionExpression",
                "NOT attribute_exists(b) AND a = :one", values());
        assertThat(condition.test(item())).isTrue();
    }

    @Test
    void parenthesisedOperandsStillCompare() {
        Condition condition = ExpressionParser.condition("ConditionExpression", "(a) = :one", values());
        assertThat(condition.test(item())).isTrue();
    }

    @Test
    void syntaxErrorsShowTheTokenAndItsNeighbours() {
        assertThatThrownBy(() -> ExpressionParser.condition("ConditionExpression", "a = ", values()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
        assertThatThrownBy(() -> ExpressionParser.update("SET a = :one REMOVE", values()))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"REMOVE\"");
    }

    @Test
    void overlappingUpdatePathsAreRejected() {
        assertThatThrownBy(() -> ExpressionParser.update("SET a = :one REMOVE a.b", values()))
                .hasMessage("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of"
                        + " these paths; path one: [a], path two: [a, b]");
    }

    @Test
    void pathsTakingAListIndexWhereAnotherTakesAMapKeyConflict() {
        assertThatThrownBy(() -> ExpressionParser.projection("a.b, a[1], c", values()))
                .hasMessage("Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one"
                        + " of these paths; path one: [a, b], path two: [a, [1]]");
        assertThatThrownBy(() -> ExpressionParser.update("SET a.b = :one, a[1] = :one, a = :one", values()))
                .hasMessageContaining("Two document paths overlap with each other");
    }

    @Test
    void anUpdatesFaultsAreReportedInAwsOrder() {
        assertThatThrownBy(() -> ExpressionParser.update("SET a = :one SET abort = :one", values()))
                .hasMessage("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abort");
        assertThatThrownBy(() -> ExpressionParser.update("SET a = if_not_exists(b) SET c = :one", values()))
                .hasMessage("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThatThrownBy(() -> ExpressionParser.update("SET a = if_not_exists(b), a = :one", values()))
                .hasMessageContaining("Two document paths overlap with each other");
        assertThatThrownBy(() -> ExpressionParser.update("SET b = list_append(:t, a), c = if_not_exists(a) ADD d :t", values()))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type:"
                        + " BOOLEAN");
        assertThatThrownBy(() -> ExpressionParser.update("SET a = set", values()))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"set\", near: \"= set\"");
    }

    @Test
    void parenthesesThatOnlyWrapParenthesesAreRedundant() {
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "a = :one AND ((b = :one))", values()))
                .hasMessage("Invalid FilterExpression: The expression has redundant parentheses;");
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "a > ((abort))", values()))
                .hasMessage("Invalid FilterExpression: The expression has redundant parentheses;");
        ExpressionParser.condition("FilterExpression", "((a = :one) AND (b = :one)) OR attribute_exists((c))", values());
    }

    @Test
    void aPathComparedWithItselfIsRefused() {
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "a.b[1] <> a.b[1]", values()))
                .hasMessage("Invalid FilterExpression: The first operand must be distinct from the remaining operands for this"
                        + " operator or function; operator: <>, first operand: [a, b, [1]]");
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "contains(a, a)", values()))
                .hasMessageContaining("operator: contains, first operand: [a]");
        ExpressionParser.condition("FilterExpression", ":one = :one", values());
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "a = a AND b = :undefined", values()))
                .hasMessageContaining("An expression attribute value used in expression is not defined");
    }

    @Test
    void aConditionFunctionComparedLikeAnOperandIsNamed() {
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "attribute_exists(a) > :undefined", values()))
                .hasMessage("Invalid FilterExpression: The function is not allowed to be used this way in an expression;"
                        + " function: attribute_exists");
        assertThatThrownBy(() -> ExpressionParser.condition("FilterExpression", "whatever(:undefined) > a", values()))
                .hasMessage("Invalid FilterExpression: Invalid function name; function: whatever");
    }

    @Test
    void unknownAndMisplacedFunctionsAreNamed() {
        assertThatThrownBy(() -> ExpressionParser.condition("ConditionExpression", "foo(a)", values()))
                .hasMessage("Invalid ConditionExpression: Invalid function name; function: foo");
        assertThatThrownBy(() -> ExpressionParser.condition("ConditionExpression", "if_not_exists(a, :one)", values()))
                .hasMessage("Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        assertThatThrownBy(() -> ExpressionParser.condition("ConditionExpression", "attribute_exists(a, a)", values()))
                .hasMessage("Invalid ConditionExpression: Incorrect number of operands for operator or function;"
                        + " operator or function: attribute_exists, number of operands: 2");
    }

    @Test
    void emptyExpressionIsRejected() {
        assertThatThrownBy(() -> ExpressionParser.projection("  ", values()))
                .hasMessage("Invalid ProjectionExpression: The expression can not be empty;");
    }
}
