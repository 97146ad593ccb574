package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemsTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Items", false));
        dynamo.createTable(TablesTest.table("Sorted", true));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    @Test
    void everyAttributeTypeRoundTrips() {
        Map<String, AttributeValue> item = Map.of(
                "id", s("all-types"),
                "s", s("text"),
                "n", n("12.50"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xFF})),
                "ss", AttributeValue.fromSs(List.of("x", "y")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("a"))),
                "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromL(List.of(s("deep"), AttributeValue.fromNul(true))))),
                "bool", AttributeValue.fromBool(false));
        dynamo.putItem(r -> r.tableName("Items").item(item));

        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName("Items").key(key("all-types")).consistentRead(true)).item();

        assertThat(read).containsEntry("s", s("text")).containsEntry("n", n("12.5")).containsEntry("bool", AttributeValue.fromBool(false));
        assertThat(read.get("b").b().asByteArray()).containsExactly(0, 1, 0xFF);
        assertThat(read.get("m").m().get("inner").l()).containsExactly(s("deep"), AttributeValue.fromNul(true));
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2.5");
    }

    @Test
    void projectionExpressionReturnsOnlyTheNamedPaths() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("projected"), "name", s("n"), "other", s("o"),
                "a", AttributeValue.fromM(Map.of("b", AttributeValue.fromL(List.of(s("0"), s("1"), AttributeValue.fromM(Map.of("c", s("C"), "d", s("D"))))))))));
        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName("Items").key(key("projected"))
                .projectionExpression("#n, a.b[2].c").expressionAttributeNames(Map.of("#n", "name"))).item();
        assertThat(read).containsOnlyKeys("name", "a");
        assertThat(read.get("a").m().get("b").l()).containsExactly(AttributeValue.fromM(Map.of("c", s("C"))));
    }

    @Test
    void missingItemIsAnEmptyAnswer() {
        assertThat(dynamo.getItem(r -> r.tableName("Items").key(key("nobody"))).hasItem()).isFalse();
    }

    @Test
    void updateItemSetsAddsAppendsAndRemoves() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("counter"), "count", n("1"), "gone", s("x"),
                "letters", AttributeValue.fromL(List.of(s("a"))))));
        Map<String, AttributeValue> updated = dynamo.updateItem(r -> r.tableName("Items").key(key("counter"))
                .updateExpression("SET #c = #c + :one, created = if_not_exists(created, :now), letters = list_append(letters, :more),"
                        + " down = :ten - :one REMOVE gone")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":one", n("1"), ":now", s("today"), ":more", AttributeValue.fromL(List.of(s("b")))
                        , ":ten", n("10")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        assertThat(updated).containsEntry("count", n("2")).containsEntry("created", s("today")).containsEntry("down", n("9"))
                .doesNotContainKey("gone");
        assertThat(updated.get("letters").l()).containsExactly(s("a"), s("b"));
    }

    @Test
    void updateReturnsOnlyTheUpdatedAttributesWhenAsked() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("partial"), "a", n("1"), "b", n("5"))));
        Map<String, AttributeValue> old = dynamo.updateItem(r -> r.tableName("Items").key(key("partial"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", n("2")))
                .returnValues(ReturnValue.UPDATED_OLD)).attributes();
        assertThat(old).isEqualTo(Map.of("a", n("1")));
        Map<String, AttributeValue> fresh = dynamo.updateItem(r -> r.tableName("Items").key(key("partial"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", n("3")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        assertThat(fresh).isEqualTo(Map.of("a", n("3")));
        Map<String, AttributeValue> all = dynamo.updateItem(r -> r.tableName("Items").key(key("partial"))
                .updateExpression("SET a = :v").expressionAttributeValues(Map.of(":v", n("4")))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(all).containsEntry("a", n("3")).containsEntry("b", n("5"));
    }

    @Test
    void updateOfAMissingItemCreatesIt() {
        dynamo.updateItem(r -> r.tableName("Items").key(key("born")).updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", s("x"))));
        assertThat(dynamo.getItem(r -> r.tableName("Items").key(key("born"))).item()).isEqualTo(Map.of("id", s("born"), "v", s("x")));
    }

    @Test
    void arithmeticOnAStringIsAnIncorrectDataType() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("text"), "t", s("x"))));
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("Items").key(key("text")).updateExpression("SET t = t + :one")
                .expressionAttributeValues(Map.of(":one", n("1")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("An operand in the update expression has an incorrect data type");
    }

    @Test
    void updatingAKeyAttributeIsRejected() {
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("Items").key(key("k")).updateExpression("SET id = :v")
                .expressionAttributeValues(Map.of(":v", s("other")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key");
    }

    @Test
    void deleteItemReturnsTheOldItem() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("doomed"), "v", s("x"))));
        Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName("Items").key(key("doomed"))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        assertThat(old).containsEntry("v", s("x"));
        assertThat(dynamo.getItem(r -> r.tableName("Items").key(key("doomed"))).hasItem()).isFalse();
    }

    @Test
    void putWithAttributeNotExistsFailsTheSecondTimeWithTheOldItem() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("once"), "v", s("first")))
                .conditionExpression("attribute_not_exists(id)"));
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("once"), "v", s("second")))
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The conditional request failed");
                    assertThat(e.item()).containsEntry("v", s("first"));
                });
    }

    @Test
    void conditionsCombineComparisonsFunctionsAndLogic() {
        dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("cond"), "n", n("5"), "s", s("hello world"),
                "tags", AttributeValue.fromSs(List.of("red", "blue")), "m", AttributeValue.fromM(Map.of("x", n("1"))))));
        String[] holding = {
            "n = :five AND s <> :other",
            "n BETWEEN :one AND :ten",
            "n IN (:one, :five)",
            "begins_with(s, :hello) AND contains(s, :world) AND contains(tags, :red)",
            "size(s) = :eleven AND size(tags) < :five",
            "attribute_type(m, :map) AND attribute_exists(m.x) AND NOT attribute_exists(m.y)",
            "n < :one OR n >= :five",
            "NOT (n < :one OR n > :ten)",
        };
        Map<String, AttributeValue> values = Map.of(":five", n("5.0"), ":other", s("x"), ":one", n("1"), ":ten", n("10"),
                ":hello", s("hello"), ":world", s("world"), ":red", s("red"), ":eleven", n("11"), ":map", s("M"));
        for (String condition : holding) {
            Map<String, AttributeValue> used = onlyUsed(values, condition);
            dynamo.deleteItem(r -> r.tableName("Items").key(key("missing-" + condition.length())));
            dynamo.updateItem(r -> r.tableName("Items").key(key("cond")).updateExpression("SET checked = :one")
                    .conditionExpression(condition)
                    .expressionAttributeValues(withOne(used, values)));
        }
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("Items").key(key("cond")).updateExpression("SET checked = :one")
                .conditionExpression("n > :ten").expressionAttributeValues(Map.of(":one", n("1"), ":ten", n("10")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    private static Map<String, AttributeValue> onlyUsed(Map<String, AttributeValue> values, String expression) {
        java.util.HashMap<String, AttributeValue> used = new java.util.HashMap<>();
        values.forEach((name, value) -> {
            if (expression.matches(".*" + name + "\\b.*")) {
                used.put(name, value);
            }
        });
        return used;
    }

    private static Map<String, AttributeValue> withOne(Map<String, AttributeValue> used, Map<String, AttributeValue> values) {
        java.util.HashMap<String, AttributeValue> all = new java.util.HashMap<>(used);
        all.put(":one", values.get(":one"));
        return all;
    }

    @Test
    void wrongKeyIsRejectedInAwsWords() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("Items").key(Map.of("other", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("v", s("x")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key id in the item");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", n("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key attribute"
                        + " cannot contain an empty string value. Key: id");
    }

    @Test
    void missingTableIsResourceNotFound() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("NoSuchTable").key(key("x"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void numbersBeyond38DigitsAreRejected() {
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("big"),
                "n", n("123456789012345678901234567890123456789")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void itemsOver400KbAreRejected() {
        String big = "x".repeat(410 * 1024);
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(Map.of("id", s("huge"), "v", s(big)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    }

    @Test
    void placeholderErrorsNameThePlaceholder() {
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(key("p")).conditionExpression("v = :x")))
                .hasMessageStartingWith("Invalid ConditionExpression: An expression attribute value used in expression is not"
                        + " defined; attribute value: :x");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(key("p")).conditionExpression("attribute_exists(v)")
                .expressionAttributeValues(Map.of(":x", s("1")))))
                .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(key("p")).conditionExpression("attribute_exists(name)")))
                .hasMessageStartingWith("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Items").item(key("p")).conditionExpression("a x b")))
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a x b\"");
    }
}
