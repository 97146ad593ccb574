package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The parameters older clients send instead of expressions, answered as the expressions they stand for. */
class LegacyParametersTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Log", true));
        for (int sk = 1; sk <= 6; sk++) {
            int i = sk;
            dynamo.putItem(r -> r.tableName("Log").item(Map.of("pk", s("p"), "sk", n(Integer.toString(i)),
                    "kind", s(i % 2 == 0 ? "even" : "odd"), "tags", AttributeValue.fromSs(List.of("t" + i, "all")))));
        }
        dynamo.createTable(TablesTest.table("Things", false));
    }

    static Condition condition(ComparisonOperator operator, AttributeValue... values) {
        return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
    }

    static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(item -> item.get("sk").n()).toList();
    }

    @Test
    void keyConditionsQueryFilterAndAttributesToGetSelectAsTheirExpressionsWould() {
        QueryResponse between = dynamo.query(r -> r.tableName("Log").keyConditions(Map.of(
                "pk", condition(ComparisonOperator.EQ, s("p")),
                "sk", condition(ComparisonOperator.BETWEEN, n("2"), n("5")))));
        assertThat(sortKeys(between)).containsExactly("2", "3", "4", "5");

        QueryResponse filtered = dynamo.query(r -> r.tableName("Log")
                .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("p")), "sk", condition(ComparisonOperator.GT, n("1"))))
                .queryFilter(Map.of("kind", condition(ComparisonOperator.EQ, s("odd")),
                        "tags", condition(ComparisonOperator.CONTAINS, s("t4"))))
                .conditionalOperator(ConditionalOperator.OR)
                .attributesToGet("sk", "kind")
                .scanIndexForward(false));
        assertThat(sortKeys(filtered)).containsExactly("5", "4", "3");
        assertThat(filtered.items().get(0)).containsOnlyKeys("sk", "kind");
        assertThat(filtered.scannedCount()).isEqualTo(5);

        assertThat(sortKeys(dynamo.query(r -> r.tableName("Log").keyConditions(Map.of(
                "pk", condition(ComparisonOperator.EQ, s("p")), "sk", condition(ComparisonOperator.LE, n("2")))))))
                .containsExactly("1", "2");
    }

    @Test
    void scanFilterTakesEveryComparisonOperator() {
        Map<ComparisonOperator, Condition> onKind = Map.of(
                ComparisonOperator.NE, condition(ComparisonOperator.NE, s("odd")),
                ComparisonOperator.BEGINS_WITH, condition(ComparisonOperator.BEGINS_WITH, s("ev")),
                ComparisonOperator.IN, condition(ComparisonOperator.IN, s("even"), s("none")),
                ComparisonOperator.NOT_CONTAINS, condition(ComparisonOperator.NOT_CONTAINS, s("dd")),
                ComparisonOperator.GE, condition(ComparisonOperator.GE, s("odd")),
                ComparisonOperator.LT, condition(ComparisonOperator.LT, s("odd")));
        onKind.forEach((operator, condition) -> assertThat(dynamo.scan(r -> r.tableName("Log")
                .scanFilter(Map.of("kind", condition))).count()).as(operator.toString()).isEqualTo(3));
        assertThat(dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("kind", condition(ComparisonOperator.NOT_NULL)))).count())
                .isEqualTo(6);
        assertThat(dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("missing", condition(ComparisonOperator.NULL)))).count())
                .isEqualTo(6);
        assertThat(dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of(
                "kind", condition(ComparisonOperator.EQ, s("odd")), "sk", condition(ComparisonOperator.GT, n("2"))))).count())
                .isEqualTo(2);
    }

    @Test
    void containsFindsARunOfBytesInABinary() {
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("bytes"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("abdef")))));
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("other"), "b", AttributeValue.fromB(SdkBytes.fromUtf8String("abd")))));

        assertThat(dynamo.scan(r -> r.tableName("Things").scanFilter(Map.of("b",
                condition(ComparisonOperator.CONTAINS, AttributeValue.fromB(SdkBytes.fromUtf8String("bde")))))).items())
                .extracting(item -> item.get("id").s()).containsExactly("bytes");
    }

    @Test
    void aMalformedLegacyConditionIsRefusedBeforeTheTableIsLookedUp() {
        DynamoDbException refused = failure(() -> dynamo.scan(r -> r.tableName("NoSuchTable")
                .scanFilter(Map.of("a", condition(ComparisonOperator.EQ)))));

        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(refused)).isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the EQ"
                + " ComparisonOperator");
    }

    @Test
    void attributesToGetProjectsGetItemAndBatchGetItem() {
        Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk", n("1"));
        assertThat(dynamo.getItem(r -> r.tableName("Log").key(key).attributesToGet("kind")).item())
                .containsOnlyKeys("kind");
        assertThat(dynamo.batchGetItem(r -> r.requestItems(Map.of("Log",
                KeysAndAttributes.builder().keys(key).attributesToGet("sk").build()))).responses().get("Log").get(0))
                .containsOnlyKeys("sk");
    }

    @Test
    void expectedGuardsPutUpdateAndDelete() {
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("e"), "v", n("1")))
                .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build())));
        assertThat(failure(() -> dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("e")))
                .expected(Map.of("id", ExpectedAttributeValue.builder().exists(false).build())))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("e")))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("2")).build()))
                .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("1")).build())));
        assertThat(failure(() -> dynamo.deleteItem(r -> r.tableName("Things").key(Map.of("id", s("e")))
                .expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.LT)
                        .attributeValueList(n("3")).build())))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        dynamo.deleteItem(r -> r.tableName("Things").key(Map.of("id", s("e")))
                .expected(Map.of("v", ExpectedAttributeValue.builder().comparisonOperator(ComparisonOperator.EQ).value(n("3")).build(),
                        "nothing", ExpectedAttributeValue.builder().exists(true).value(s("x")).build()))
                .conditionalOperator(ConditionalOperator.OR));
        assertThat(dynamo.getItem(r -> r.tableName("Things").key(Map.of("id", s("e")))).hasItem()).isFalse();
    }

    @Test
    void attributeUpdatesPutAddAndDeleteAsUpdateItemWould() {
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("u"), "gone", s("x"), "set", AttributeValue.fromSs(List.of("a", "b")),
                "list", AttributeValue.fromL(List.of(s("first"))))));

        Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("u")))
                .attributeUpdates(Map.of(
                        "name", AttributeValueUpdate.builder().value(s("new")).build(),
                        "count", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(n("5")).build(),
                        "gone", AttributeValueUpdate.builder().action(AttributeAction.DELETE).build(),
                        "set", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(AttributeValue.fromSs(List.of("a"))).build(),
                        "list", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromL(List.of(s("second")))).build(),
                        "fresh", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromL(List.of(s("only")))).build()))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertThat(updated).containsEntry("name", s("new")).containsEntry("count", n("5")).doesNotContainKey("gone")
                .containsEntry("set", AttributeValue.fromSs(List.of("b")))
                .containsEntry("list", AttributeValue.fromL(List.of(s("first"), s("second"))))
                .containsEntry("fresh", AttributeValue.fromL(List.of(s("only"))));
    }

    @Test
    void addingOrDeletingAnotherTypeIsATypeMismatchInAwsLegacyWords() {
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("typed"), "set", AttributeValue.fromSs(List.of("a")),
                "number", n("1"))));
        for (Map.Entry<String, AttributeValueUpdate> update : Map.of(
                "set", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(AttributeValue.fromNs(List.of("1"))).build(),
                "number", AttributeValueUpdate.builder().action(AttributeAction.DELETE).value(AttributeValue.fromNs(List.of("1"))).build())
                .entrySet()) {
            DynamoDbException mismatch = failure(() -> dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("typed")))
                    .attributeUpdates(Map.of(update.getKey(), update.getValue()))));
            assertThat(mismatch.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(message(mismatch)).isEqualTo("Type mismatch for attribute to update");
        }
    }

    @Test
    void mixingLegacyAndExpressionParametersIsRefusedWithAwsWords() {
        DynamoDbException mixed = failure(() -> dynamo.getItem(r -> r.tableName("Log").key(Map.of("pk", s("p"), "sk", n("1")))
                .attributesToGet("kind").projectionExpression("sk")));
        assertThat(mixed.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(mixed)).isEqualTo("Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
        assertThat(message(failure(() -> dynamo.query(r -> r.tableName("Log").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).queryFilter(Map.of("kind", condition(ComparisonOperator.NULL)))))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}");
        assertThat(message(failure(() -> dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("x")))
                .updateExpression("SET a = :a").expressionAttributeValues(Map.of(":a", s("a")))
                .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))))))
                .isEqualTo("Can not use both expression and non-expression parameters in the same request:"
                        + " Non-expression parameters: {Expected} Expression parameters: {UpdateExpression}");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").expressionAttributeNames(Map.of("#k", "kind"))))))
                .isEqualTo("ExpressionAttributeNames can only be specified when using expressions");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").expressionAttributeValues(Map.of(":k", s("kind")))))))
                .isEqualTo("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
    }

    @Test
    void comparisonOperatorsTakeTheNumberAndTypesOfValuesAwsAllows() {
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("kind", condition(ComparisonOperator.EQ)))))))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("kind",
                condition(ComparisonOperator.NULL, s("x"))))))))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the NULL ComparisonOperator");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("sk",
                condition(ComparisonOperator.BETWEEN, n("1"))))))))
                .isEqualTo("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("sk",
                condition(ComparisonOperator.BETWEEN, n("5"), n("1"))))))))
                .isEqualTo("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("sk",
                condition(ComparisonOperator.IN, n("1"), s("1"))))))))
                .isEqualTo("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type");
        assertThat(message(failure(() -> dynamo.scan(r -> r.tableName("Log").scanFilter(Map.of("tags",
                condition(ComparisonOperator.LT, AttributeValue.fromSs(List.of("a")))))))))
                .isEqualTo("One or more parameter values were invalid: ComparisonOperator LT is not valid for SS AttributeValue type");
        assertThat(message(failure(() -> dynamo.query(r -> r.tableName("Log").keyConditions(Map.of(
                "pk", condition(ComparisonOperator.EQ, s("p")), "sk", condition(ComparisonOperator.NE, n("1"))))))))
                .isEqualTo("Attempted conditional constraint is not an indexable operation");
        assertThat(message(failure(() -> dynamo.query(r -> r.tableName("Log").keyConditions(Map.of(
                "pk", condition(ComparisonOperator.BEGINS_WITH, s("p"))))))))
                .isEqualTo("Query key condition not supported");
        assertThat(message(failure(() -> dynamo.query(r -> r.tableName("Log").keyConditions(Map.of(
                "sk", condition(ComparisonOperator.EQ, n("1"))))))))
                .isEqualTo("Query condition missed key schema element: pk");
        assertThat(message(failure(() -> dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("z")))
                .expected(Map.of("v", ExpectedAttributeValue.builder().exists(false).value(n("1")).build()))))))
                .isEqualTo("One or more parameter values were invalid: Value cannot be used when Exists is false for Attribute: v");
        assertThat(message(failure(() -> dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("z")))
                .expected(Map.of("v", ExpectedAttributeValue.builder().build()))))))
                .isEqualTo("One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: v");
        assertThat(message(failure(() -> dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("z")))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.ADD).value(s("x")).build()))))))
                .isEqualTo("One or more parameter values were invalid: ADD action is not supported for the type S");
        assertThat(message(failure(() -> dynamo.updateItem(r -> r.tableName("Things").key(Map.of("id", s("z")))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.PUT).build()))))))
                .isEqualTo("One or more parameter values were invalid: Only DELETE action is allowed when no attribute value is specified");
        assertThat(message(failure(() -> dynamo.getItem(r -> r.tableName("Log").key(Map.of("pk", s("p"), "sk", n("1")))
                .attributesToGet("a", "a")))))
                .isEqualTo("One or more parameter values were invalid: Duplicate value in attribute name: a");
    }
}
