package dev.lingogate.dynamodb.expression;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExpressionParserPropertiesTest {

    private static ExpressionAttributes attributes() {
        ObjectNode names = JsonNodeFactory.instance.objectNode().put("#n", "name");
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        values.set(":v", JsonNodeFactory.instance.objectNode().put("S", "x"));
        values.set(":n", JsonNodeFactory.instance.objectNode().put("N", "1"));
        return new ExpressionAttributes(names, values);
    }

    /** Strings built from the expression language's own pieces, so that many get deep into the grammar. */
    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> pieces = Arbitraries.of("a", "b.c", "d[1]", "#n", "#x", ":v", ":n", ":x", "=", "<>", "<", ">=",
                "AND", "OR", "NOT", "BETWEEN", "IN", "(", ")", "[", "]", ",", ".", "+", "-", "SET", "REMOVE", "ADD", "DELETE",
                "size", "contains", "begins_with", "attribute_exists", "attribute_type", "if_not_exists", "list_append",
                "name", "!", "\"", "99999999999", " ", "é");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(25).map(list -> String.join(" ", list)),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Property(tries = 2000)
    void parsingNeverFailsWithAnythingButAValidationError(@ForAll("expressions") String text) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.set("a", JsonNodeFactory.instance.objectNode().put("N", "1"));
        assertThatCode(() -> {
            try {
                ExpressionParser.condition("ConditionExpression", text, attributes()).test(item);
            } catch (ValidationException expected) {
                // the one failure a client may see
            }
            try {
                ExpressionParser.update(text, attributes()).apply(item);
            } catch (ValidationException expected) {
                // likewise
            }
            try {
                ExpressionParser.projection(text, attributes()).apply(item);
            } catch (ValidationException expected) {
                // likewise
            }
        }).doesNotThrowAnyException();
    }
}
