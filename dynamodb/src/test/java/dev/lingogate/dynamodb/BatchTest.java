package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Plain", false));
        dynamo.createTable(TablesTest.table("Ranged", true));
    }

    /** What the service answered, word for word, and under which error type. */
    static DynamoDbException failure(Executable call) {
        DynamoDbException error = catchThrowableOfType(DynamoDbException.class, call::execute);
        assertThat(error).as("the call should have failed").isNotNull();
        return error;
    }

    static String message(DynamoDbException error) {
        return error.awsErrorDetails().errorMessage();
    }

    static Map<String, AttributeValue> plainKey(String id) {
        return Map.of("id", s(id));
    }

    static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    static List<WriteRequest> plainPuts(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> put(Map.of("id", s(prefix + i), "v", n(Integer.toString(i))))).toList();
    }

    static List<Map<String, AttributeValue>> plainKeys(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> plainKey(prefix + i)).toList();
    }

    @Test
    void batchWriteStoresItemsInSeveralTablesAndBatchGetReadsAHundredBack() {
        for (int batch = 0; batch < 4; batch++) {
            List<WriteRequest> plain = plainPuts("b" + batch + "-", 20);
            List<WriteRequest> ranged = IntStream.range(0, 5)
                    .mapToObj(i -> put(Map.of("pk", s("b"), "sk", n(Integer.toString(i)), "v", s("r" + i)))).toList();
            int b = batch;
            BatchWriteItemResponse written = dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", plain,
                    "Ranged", b == 0 ? ranged : List.of(put(Map.of("pk", s("b"), "sk", n("1" + b), "v", s("x")))))));
            assertThat(written.unprocessedItems()).isEmpty();
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int batch = 0; batch < 4; batch++) {
            keys.addAll(plainKeys("b" + batch + "-", 20));
        }
        keys.addAll(plainKeys("missing-", 17));

        BatchGetItemResponse read = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Plain", KeysAndAttributes.builder().keys(keys).build(),
                "Ranged", KeysAndAttributes.builder().keys(Map.of("pk", s("b"), "sk", n("0")), Map.of("pk", s("b"), "sk", n("13"))).build())));

        assertThat(read.responses().get("Plain")).hasSize(80)
                .contains(Map.of("id", s("b3-19"), "v", n("19")));
        assertThat(read.responses().get("Ranged")).containsExactlyInAnyOrder(
                Map.of("pk", s("b"), "sk", n("0"), "v", s("r0")), Map.of("pk", s("b"), "sk", n("13"), "v", s("x")));
        assertThat(read.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchGetReturnsOnlyTheProjectedAttributesAndAnEmptyListForNoMatch() {
        dynamo.putItem(r -> r.tableName("Plain").item(Map.of("id", s("projected"), "name", s("n"), "other", s("o"))));

        BatchGetItemResponse read = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Plain", KeysAndAttributes.builder().keys(plainKey("projected")).projectionExpression("#n")
                        .expressionAttributeNames(Map.of("#n", "name")).build(),
                "Ranged", KeysAndAttributes.builder().keys(Map.of("pk", s("nobody"), "sk", n("1"))).build())));

        assertThat(read.responses().get("Plain")).containsExactly(Map.of("name", s("n")));
        assertThat(read.responses().get("Ranged")).isEmpty();
    }

    @Test
    void batchWritePutsAndDeletesInOneCall() {
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", plainPuts("gone-", 3))));

        dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", List.of(delete(plainKey("gone-0")), delete(plainKey("gone-1")),
                delete(plainKey("never-there")), put(Map.of("id", s("gone-2"), "v", s("replaced")))))));

        BatchGetItemResponse read = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Plain", KeysAndAttributes.builder().keys(plainKeys("gone-", 3)).build())));
        assertThat(read.responses().get("Plain")).containsExactly(Map.of("id", s("gone-2"), "v", s("replaced")));
    }

    @Test
    void moreThanAHundredKeysInOneTableBreakTheKeysConstraint() {
        DynamoDbException error = failure(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Plain", KeysAndAttributes.builder().keys(plainKeys("k", 101)).build()))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).startsWith("1 validation error detected: Value '[")
                .endsWith("]' at 'requestItems.Plain.member.keys' failed to satisfy constraint: Member must have length less than or equal to 100");
    }

    @Test
    void moreThanAHundredKeysOverAllTablesAreTooManyItems() {
        DynamoDbException error = failure(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Plain", KeysAndAttributes.builder().keys(plainKeys("k", 60)).build(),
                "Ranged", KeysAndAttributes.builder().keys(IntStream.range(0, 41)
                        .mapToObj(i -> Map.of("pk", s("p"), "sk", n(Integer.toString(i)))).toList()).build()))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Too many items requested for the BatchGetItem call");
    }

    @Test
    void theSameKeyTwiceInABatchGetIsRejected() {
        DynamoDbException error = failure(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Ranged", KeysAndAttributes.builder().keys(Map.of("pk", s("p"), "sk", n("1.0")),
                        Map.of("sk", n("1"), "pk", s("p"))).build()))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Provided list of item keys contains duplicates");
    }

    @Test
    void aPutAndADeleteOfTheSameItemInABatchWriteAreRejected() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                "Plain", List.of(put(Map.of("id", s("twice"), "v", s("1"))), delete(plainKey("twice")))))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Provided list of item keys contains duplicates");
        assertThat(dynamo.getItem(r -> r.tableName("Plain").key(plainKey("twice"))).hasItem()).isFalse();
    }

    @Test
    void moreThanTwentyFiveWritesInOneTableBreakTheMapValueConstraint() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", plainPuts("w", 26)))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).startsWith("1 validation error detected: Value '{Plain=[com.amazonaws.dynamodb.v20120810.WriteRequest@")
                .endsWith("]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have"
                        + " length less than or equal to 25, Member must have length greater than or equal to 1]");
    }

    @Test
    void moreThanTwentyFiveWritesOverAllTablesAreTooManyItems() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", plainPuts("w", 13),
                "Ranged", IntStream.range(0, 13).mapToObj(i -> put(Map.of("pk", s("w"), "sk", n(Integer.toString(i))))).toList()))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Too many items requested for the BatchWriteItem call");
    }

    @Test
    void aBatchNamingAnUnknownTableWritesNothing() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("Plain", plainPuts("lost-", 2),
                "Nowhere", plainPuts("x", 1)))));

        assertThat(error).isInstanceOf(ResourceNotFoundException.class);
        assertThat(message(error)).isEqualTo("Requested resource not found");
        assertThat(dynamo.getItem(r -> r.tableName("Plain").key(plainKey("lost-0"))).hasItem()).isFalse();
    }

    @Test
    void aKeyNotMatchingTheSchemaFailsTheWholeBatchGet() {
        DynamoDbException error = failure(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "Ranged", KeysAndAttributes.builder().keys(Map.of("pk", s("p"))).build()))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("The provided key element does not match the schema");
    }

    @Test
    void aPutRequestWithoutItsKeyIsRejected() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of(
                "Plain", List.of(put(Map.of("v", s("no key"))))))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        // unlike PutItem's "Missing the key id in the item"
        assertThat(message(error)).isEqualTo("The provided key element does not match the schema");
    }

    @Test
    void anEmptyRequestItemsMapIsRejected() {
        DynamoDbException error = failure(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of())));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy"
                + " constraint: Member must have length greater than or equal to 1");
    }
}
