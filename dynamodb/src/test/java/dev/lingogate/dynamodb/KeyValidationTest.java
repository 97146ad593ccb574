package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Keys checked as AWS checks them: its size limits, its words for a key that does not fit the
 * schema, and the whole request checked before the table is looked up.
 */
class KeyValidationTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(r -> r.tableName("Pairs").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
    }

    @Test
    void partitionKeyOver2048BytesIsRefused() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = Map.of(
                "pk", s("é".repeat(1025)), "sk", s("a"));
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Pairs").item(item)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded the maximum"
                        + " size limit of2048 bytes");
        dynamo.putItem(r -> r.tableName("Pairs").item(Map.of("pk", s("a".repeat(2048)), "sk", s("a".repeat(1024)))));
    }

    @Test
    void sortKeyOver1024BytesIsRefused() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("Pairs").key(Map.of("pk", s("a"), "sk", s("a".repeat(1025))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Aggregated size of all range keys has"
                        + " exceeded the size limit of 1024 bytes");
    }

    @Test
    void keyOfTheWrongTypeDoesNotMatchTheSchema() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("Pairs").key(Map.of("pk", n("1"), "sk", s("a")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");
        assertThatThrownBy(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("Pairs",
                        java.util.List.of(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("a"))).build())
                                .build())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided key element does not match the schema");
    }

    @Test
    void emptyStringInARequestsKeyIsAnInvalidParameterValue() {
        assertThatThrownBy(() -> dynamo.deleteItem(r -> r.tableName("Pairs").key(Map.of("pk", s(""), "sk", s("a")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: The AttributeValue for a key attribute"
                        + " cannot contain an empty string value. Key: pk");
    }

    @Test
    void batchWritesValuesAreCheckedBeforeTheTableIsLookedUp() {
        assertThatThrownBy(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("NoSuchTable",
                        java.util.List.of(WriteRequest.builder().putRequest(PutRequest.builder()
                                .item(Map.of("pk", s("a"), "big", s("x".repeat(400 * 1024))))
                                .build()).build())))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
    }

    @Test
    void getItemsExpressionsAreCheckedBeforeItsKey() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("Pairs").key(Map.of("pk", n("1")))
                        .projectionExpression("#a")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("An expression attribute name used in the document path is not defined");
    }

    @Test
    void writesCheckTheirExpressionsAndReturnValuesBeforeTheTableIsLookedUp() {
        assertThatThrownBy(() -> dynamo.updateItem(r -> r.tableName("NoSuchTable").key(Map.of("pk", s("a")))
                        .updateExpression("")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Invalid UpdateExpression: The expression can not be empty;");
        assertThatThrownBy(() -> dynamo.deleteItem(r -> r.tableName("NoSuchTable").key(Map.of("pk", s("a")))
                        .conditionExpression("attribute_exists(#a)")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("An expression attribute name used in the document path is not defined");
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("NoSuchTable").item(Map.of("pk", s("a")))
                        .returnValues(ReturnValue.ALL_NEW)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void itemValuesAreCheckedBeforeLegacyConditions() {
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName("Pairs").item(Map.of("pk", s("a"), "sk", s("a"), "bad", ss()))
                        .expected(Map.of("x", ExpectedAttributeValue.builder().build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: An string set  may not be empty");
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue ss() {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().ss(java.util.List.of()).build();
    }
}
