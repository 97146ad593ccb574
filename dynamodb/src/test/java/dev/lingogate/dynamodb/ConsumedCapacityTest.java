package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.IndexesTest.defined;
import static dev.lingogate.dynamodb.IndexesTest.global;
import static dev.lingogate.dynamodb.IndexesTest.hash;
import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class ConsumedCapacityTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Plain", false));
        dynamo.createTable(TablesTest.table("Sorted", true));
        dynamo.createTable(r -> r.tableName("Indexed").billingMode(BillingMode.PAY_PER_REQUEST).keySchema(hash("id"))
                .attributeDefinitions(defined("id", ScalarAttributeType.S), defined("colour", ScalarAttributeType.S))
                .globalSecondaryIndexes(global("byColour", Projection.builder().projectionType(ProjectionType.ALL).build(), hash("colour"))));
    }

    /** An item of about {@code bytes} bytes as DynamoDB sizes it: "id" and its value, "data" and its value. */
    static Map<String, AttributeValue> itemOf(String id, int bytes) {
        return Map.of("id", s(id), "data", s("x".repeat(bytes - 4 - 2 - id.length())));
    }

    @Test
    void aWriteCostsOneUnitPerKilobyteRoundedUp() {
        ConsumedCapacity consumed = dynamo.putItem(r -> r.tableName("Plain").item(itemOf("w", 2500))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(consumed.tableName()).isEqualTo("Plain");
        assertThat(consumed.capacityUnits()).isEqualTo(3.0);
        assertThat(consumed.table()).isNull();
    }

    @Test
    void aReadCostsOneUnitPerFourKilobytesAndHalfWhenEventuallyConsistent() {
        dynamo.putItem(r -> r.tableName("Plain").item(itemOf("r", 5000)));

        assertThat(dynamo.getItem(r -> r.tableName("Plain").key(Map.of("id", s("r"))).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(2.0);
        assertThat(dynamo.getItem(r -> r.tableName("Plain").key(Map.of("id", s("r")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(1.0);
        assertThat(dynamo.getItem(r -> r.tableName("Plain").key(Map.of("id", s("absent")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void noConsumedCapacityUnlessAskedFor() {
        assertThat(dynamo.putItem(r -> r.tableName("Plain").item(itemOf("quiet", 20))).consumedCapacity()).isNull();
        assertThat(dynamo.putItem(r -> r.tableName("Plain").item(itemOf("quiet", 20))
                .returnConsumedCapacity(ReturnConsumedCapacity.NONE)).consumedCapacity()).isNull();
    }

    @Test
    void aQueryPageIsRoundedUpOnceForAllItemsItRead() {
        for (int i = 0; i < 10; i++) {
            int sk = i;
            dynamo.putItem(r -> r.tableName("Sorted").item(Map.of("pk", s("q"), "sk", n(Integer.toString(sk)), "data", s("x".repeat(1000)))));
        }

        ConsumedCapacity consumed = dynamo.query(r -> r.tableName("Sorted").keyConditionExpression("pk = :q")
                .filterExpression("#d = :none").expressionAttributeNames(Map.of("#d", "data"))
                .expressionAttributeValues(Map.of(":q", s("q"), ":none", s("none")))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();

        assertThat(consumed.capacityUnits()).isEqualTo(1.5);
    }

    @Test
    void indexesShowWhatEachIndexCostAndAChangedIndexKeyCostsTwoWrites() {
        ConsumedCapacity put = dynamo.putItem(r -> r.tableName("Indexed").item(Map.of("id", s("i"), "colour", s("red")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(put.capacityUnits()).isEqualTo(2.0);
        assertThat(put.table().capacityUnits()).isEqualTo(1.0);
        assertThat(put.globalSecondaryIndexes().get("byColour").capacityUnits()).isEqualTo(1.0);

        ConsumedCapacity recoloured = dynamo.updateItem(r -> r.tableName("Indexed").key(Map.of("id", s("i")))
                .updateExpression("SET colour = :blue").expressionAttributeValues(Map.of(":blue", s("blue")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(recoloured.capacityUnits()).isEqualTo(3.0);
        assertThat(recoloured.globalSecondaryIndexes().get("byColour").capacityUnits()).isEqualTo(2.0);
    }

    @Test
    void transactionsCostTwiceTheirItems() {
        ConsumedCapacity written = dynamo.transactWriteItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("Plain").item(itemOf("t1", 10)).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName("Plain").item(itemOf("t2", 10)).build()).build()))
                .consumedCapacity().get(0);
        assertThat(written.tableName()).isEqualTo("Plain");
        assertThat(written.capacityUnits()).isEqualTo(4.0);

        ConsumedCapacity read = dynamo.transactGetItems(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactGetItem.builder().get(Get.builder().tableName("Plain").key(Map.of("id", s("t1"))).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName("Plain").key(Map.of("id", s("t2"))).build()).build()))
                .consumedCapacity().get(0);
        assertThat(read.capacityUnits()).isEqualTo(4.0);
    }

    @Test
    void batchesReportEachTable() {
        dynamo.putItem(r -> r.tableName("Sorted").item(Map.of("pk", s("b"), "sk", n("1"))));

        var consumed = dynamo.batchGetItem(r -> r.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                "Sorted", KeysAndAttributes.builder().keys(Map.of("pk", s("b"), "sk", n("1"))).consistentRead(true).build(),
                "Plain", KeysAndAttributes.builder().keys(Map.of("id", s("b1")), Map.of("id", s("b2"))).build()))).consumedCapacity();

        assertThat(consumed).extracting(ConsumedCapacity::tableName).containsExactlyInAnyOrder("Sorted", "Plain");
        assertThat(consumed).filteredOn(c -> c.tableName().equals("Sorted")).singleElement()
                .extracting(ConsumedCapacity::capacityUnits).isEqualTo(1.0);
        assertThat(consumed).filteredOn(c -> c.tableName().equals("Plain")).singleElement()
                .extracting(ConsumedCapacity::capacityUnits).isEqualTo(1.0);
    }
}
