package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Table Orders (customer, orderId) with three global indexes on status (ALL, KEYS_ONLY, INCLUDE
 * note) and a local index ordering a customer's orders by total (INCLUDE note).
 */
class IndexesTest {

    @TempDir
    static Path dataDir;
    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(orders("Orders"));
    }

    static KeySchemaElement hash(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    static KeySchemaElement range(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build();
    }

    static AttributeDefinition defined(String attribute, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(attribute).attributeType(type).build();
    }

    static GlobalSecondaryIndex global(String name, Projection projection, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(keys).projection(projection).build();
    }

    static CreateTableRequest orders(String name) {
        return CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("customer"), range("orderId"))
                .attributeDefinitions(defined("customer", ScalarAttributeType.S), defined("orderId", ScalarAttributeType.S),
                        defined("status", ScalarAttributeType.S), defined("total", ScalarAttributeType.N))
                .globalSecondaryIndexes(
                        global("byStatus", Projection.builder().projectionType(ProjectionType.ALL).build(), hash("status"), range("orderId")),
                        global("statusKeys", Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build(), hash("status")),
                        global("statusNotes", Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build(),
                                hash("status"), range("total")))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal").keySchema(hash("customer"), range("total"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build()).build())
                .build();
    }

    static void order(String table, String customer, String orderId, String status, int total) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("customer", s(customer), "orderId", s(orderId), "status", s(status),
                "total", n(Integer.toString(total)), "note", s("note " + orderId), "secret", s("s"))));
    }

    static QueryResponse byStatus(String table, String index, String status) {
        return dynamo.query(r -> r.tableName(table).indexName(index).keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s(status))));
    }

    static List<String> orderIds(QueryResponse response) {
        return response.items().stream().map(item -> item.get("orderId").s()).toList();
    }

    @Test
    void describeTableListsTheIndexesWithTheirProjections() {
        TableDescription table = dynamo.describeTable(r -> r.tableName("Orders")).table();

        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("byStatus", "statusKeys", "statusNotes");
        GlobalSecondaryIndexDescription notes = table.globalSecondaryIndexes().get(2);
        assertThat(notes.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(notes.projection().nonKeyAttributes()).containsExactly("note");
        assertThat(notes.keySchema()).containsExactly(hash("status"), range("total"));
        assertThat(notes.indexStatusAsString()).isEqualTo("ACTIVE");
        assertThat(notes.indexArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/statusNotes");
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("byTotal");
            assertThat(index.keySchema()).containsExactly(hash("customer"), range("total"));
        });
    }

    @Test
    void aGlobalIndexFollowsPutsUpdatesAndDeletes() {
        order("Orders", "ann", "a1", "open", 10);
        order("Orders", "bob", "b1", "open", 20);
        order("Orders", "bob", "b2", "open", 5);
        assertThat(orderIds(byStatus("Orders", "byStatus", "open"))).containsExactly("a1", "b1", "b2");

        dynamo.updateItem(r -> r.tableName("Orders").key(Map.of("customer", s("bob"), "orderId", s("b1")))
                .updateExpression("SET #s = :shipped").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":shipped", s("shipped"))));
        dynamo.deleteItem(r -> r.tableName("Orders").key(Map.of("customer", s("ann"), "orderId", s("a1"))));

        assertThat(orderIds(byStatus("Orders", "byStatus", "open"))).containsExactly("b2");
        QueryResponse shipped = byStatus("Orders", "byStatus", "shipped");
        assertThat(shipped.items()).singleElement().satisfies(item -> assertThat(item).containsEntry("secret", s("s")));
    }

    @Test
    void anItemWithoutTheIndexKeyIsNotInTheIndex() {
        dynamo.putItem(r -> r.tableName("Orders").item(Map.of("customer", s("cid"), "orderId", s("draft"))));

        assertThat(dynamo.scan(r -> r.tableName("Orders").indexName("byStatus")).items())
                .noneMatch(item -> item.get("orderId").s().equals("draft"));
        assertThat(dynamo.scan(r -> r.tableName("Orders")).items()).anyMatch(item -> item.get("orderId").s().equals("draft"));
    }

    @Test
    void keysOnlyAndIncludeProjectionsHoldOnlyWhatTheyName() {
        order("Orders", "dan", "d1", "projected", 7);

        assertThat(byStatus("Orders", "statusKeys", "projected").items()).containsExactly(
                Map.of("customer", s("dan"), "orderId", s("d1"), "status", s("projected")));
        assertThat(byStatus("Orders", "statusNotes", "projected").items()).containsExactly(
                Map.of("customer", s("dan"), "orderId", s("d1"), "status", s("projected"), "total", n("7"), "note", s("note d1")));
    }

    @Test
    void aLocalIndexOrdersAPartitionByAnotherSortKey() {
        order("Orders", "eve", "e1", "x", 30);
        order("Orders", "eve", "e2", "x", 10);
        order("Orders", "eve", "e3", "x", 20);

        QueryResponse descending = dynamo.query(r -> r.tableName("Orders").indexName("byTotal")
                .keyConditionExpression("customer = :c AND #t > :t").scanIndexForward(false)
                .expressionAttributeNames(Map.of("#t", "total")).expressionAttributeValues(Map.of(":c", s("eve"), ":t", n("10"))));

        assertThat(orderIds(descending)).containsExactly("e1", "e3");
    }

    @Test
    void allAttributesFromALocalIndexAreFetchedFromTheTable() {
        order("Orders", "fay", "f1", "x", 5);

        QueryResponse all = dynamo.query(r -> r.tableName("Orders").indexName("byTotal").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("fay"))));
        QueryResponse projected = dynamo.query(r -> r.tableName("Orders").indexName("byTotal")
                .keyConditionExpression("customer = :c").expressionAttributeValues(Map.of(":c", s("fay"))));

        assertThat(all.items()).singleElement().satisfies(item -> assertThat(item).containsEntry("secret", s("s")));
        assertThat(projected.items()).singleElement().satisfies(item -> assertThat(item).doesNotContainKey("secret"));
    }

    @Test
    void pagingThroughEqualIndexKeysVisitsEveryItemOnce() {
        for (int i = 0; i < 7; i++) {
            order("Orders", "fay", "f" + i, "paged", i);
        }
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName("Orders").indexName("statusKeys").limit(2)
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", s("paged"))).exclusiveStartKey(from));
            seen.addAll(orderIds(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).containsOnlyKeys("customer", "orderId", "status");
            }
        } while (start != null);

        assertThat(seen).containsExactly("f0", "f1", "f2", "f3", "f4", "f5", "f6");
    }

    @Test
    void batchesAndTransactionsKeepIndexesInStep() {
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("Orders", List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("customer", s("gus"), "orderId", s("g1"),
                        "status", s("batched"), "total", n("1"))).build()).build()))));
        dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().update(Update.builder().tableName("Orders")
                .key(Map.of("customer", s("gus"), "orderId", s("g1"))).updateExpression("SET #s = :t")
                .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":t", s("transacted"))).build()).build()));

        DynamoDbException cancelled = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                .update(Update.builder().tableName("Orders").key(Map.of("customer", s("gus"), "orderId", s("g1")))
                        .updateExpression("SET #s = :n").conditionExpression("attribute_not_exists(customer)")
                        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":n", s("never"))).build())
                .build())));

        assertThat(cancelled).isInstanceOf(TransactionCanceledException.class);
        assertThat(byStatus("Orders", "byStatus", "batched").items()).isEmpty();
        assertThat(orderIds(byStatus("Orders", "byStatus", "transacted"))).containsExactly("g1");
        assertThat(byStatus("Orders", "byStatus", "never").items()).isEmpty();
    }

    @Test
    void anIndexKeyOfTheWrongTypeFailsTheWrite() {
        DynamoDbException error = failure(() -> dynamo.putItem(r -> r.tableName("Orders").item(Map.of(
                "customer", s("hal"), "orderId", s("h1"), "status", n("1")))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("One or more parameter values were invalid: Type mismatch for Index Key status"
                + " Expected: S Actual: N IndexName: byStatus");
        assertThat(dynamo.getItem(r -> r.tableName("Orders").key(Map.of("customer", s("hal"), "orderId", s("h1")))).hasItem()).isFalse();
    }

    @Test
    void allAttributesFromAKeysOnlyIndexIsRejected() {
        DynamoDbException error = failure(() -> dynamo.query(r -> r.tableName("Orders").indexName("statusKeys")
                .select(Select.ALL_ATTRIBUTES).keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("open")))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not"
                + " supported for global secondary index statusKeys because its projection type is not ALL");
    }

    @Test
    void consistentReadOnAGlobalIndexIsRejected() {
        DynamoDbException error = failure(() -> dynamo.scan(r -> r.tableName("Orders").indexName("byStatus").consistentRead(true)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void anUnknownIndexIsRejected() {
        DynamoDbException error = failure(() -> dynamo.scan(r -> r.tableName("Orders").indexName("nope")));

        assertThat(message(error)).isEqualTo("The table does not have the specified index: nope");
    }

    @Test
    void anIndexKeyWithoutAnAttributeDefinitionIsRejected() {
        DynamoDbException error = failure(() -> dynamo.createTable(r -> r.tableName("Undefined").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("id")).attributeDefinitions(defined("id", ScalarAttributeType.S))
                .globalSecondaryIndexes(global("byColour", Projection.builder().projectionType(ProjectionType.ALL).build(), hash("colour")))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("One or more parameter values were invalid: Some index key attributes are not defined"
                + " in AttributeDefinitions. Keys: [colour], AttributeDefinitions: [id]");
    }

    @Test
    void twoIndexesOfOneNameAreRejected() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        DynamoDbException error = failure(() -> dynamo.createTable(r -> r.tableName("Twice").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(hash("id")).attributeDefinitions(defined("id", ScalarAttributeType.S), defined("c", ScalarAttributeType.S))
                .globalSecondaryIndexes(global("same", all, hash("c")), global("same", all, hash("c")))));

        assertThat(message(error)).isEqualTo("One or more parameter values were invalid: Duplicate index name: same");
    }

    @Test
    void indexesSurviveARestart() {
        try (RunningEdge own = new RunningEdge(dataDir.resolve("restart"))) {
            own.client().createTable(orders("Kept"));
            own.client().putItem(r -> r.tableName("Kept").item(Map.of("customer", s("ivy"), "orderId", s("i1"), "status", s("kept"))));

            own.restart();

            assertThat(own.client().query(r -> r.tableName("Kept").indexName("byStatus").keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s("kept")))).count())
                    .isEqualTo(1);
            own.client().deleteTable(r -> r.tableName("Kept"));
        }
    }
}
