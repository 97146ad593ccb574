package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryAndScanTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    /** Sort keys chosen to catch a textual instead of numeric order. */
    static final String[] SORT_KEYS = {"-100", "-2.5", "-1", "0", "0.5", "1", "2", "10", "100", "1e3"};

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Events", true));
        for (String sk : SORT_KEYS) {
            dynamo.putItem(r -> r.tableName("Events").item(Map.of("pk", s("user"), "sk", n(sk), "kind", s(sk.startsWith("-") ? "neg" : "pos"))));
        }
        dynamo.putItem(r -> r.tableName("Events").item(Map.of("pk", s("other"), "sk", n("1"))));
        dynamo.createTable(TablesTest.table("Words", false));
        for (String word : new String[] {"apple", "apricot", "banana", "Zebra", "é", "a"}) {
            dynamo.putItem(r -> r.tableName("Words").item(Map.of("id", s(word))));
        }
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(item -> item.get("sk").n()).toList();
    }

    private static QueryResponse query(String condition, Map<String, AttributeValue> values) {
        return dynamo.query(r -> r.tableName("Events").keyConditionExpression(condition).expressionAttributeValues(values));
    }

    @Test
    void partitionIsReadInNumericSortKeyOrder() {
        QueryResponse all = query("pk = :pk", Map.of(":pk", s("user")));
        assertThat(sortKeys(all)).containsExactly("-100", "-2.5", "-1", "0", "0.5", "1", "2", "10", "100", "1000");
        assertThat(all.count()).isEqualTo(10);
        assertThat(all.scannedCount()).isEqualTo(10);
        assertThat(all.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void sortKeyConditionsSelectRanges() {
        Map<String, AttributeValue> user = Map.of(":pk", s("user"));
        assertThat(sortKeys(query("pk = :pk AND sk = :v", with(user, ":v", n("1.0"))))).containsExactly("1");
        assertThat(sortKeys(query("pk = :pk AND sk < :v", with(user, ":v", n("-1"))))).containsExactly("-100", "-2.5");
        assertThat(sortKeys(query("pk = :pk AND sk <= :v", with(user, ":v", n("-1"))))).containsExactly("-100", "-2.5", "-1");
        assertThat(sortKeys(query("pk = :pk AND sk > :v", with(user, ":v", n("10"))))).containsExactly("100", "1000");
        assertThat(sortKeys(query("pk = :pk AND sk >= :v", with(user, ":v", n("10"))))).containsExactly("10", "100", "1000");
        Map<String, AttributeValue> between = new java.util.HashMap<>(user);
        between.put(":lo", n("-1"));
        between.put(":hi", n("2"));
        assertThat(sortKeys(query("pk = :pk AND sk BETWEEN :lo AND :hi", between))).containsExactly("-1", "0", "0.5", "1", "2");
    }

    @Test
    void beginsWithSelectsAStringPrefix() {
        dynamo.createTable(r -> r.tableName("Prefixed").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("S")));
        for (String sk : new String[] {"ab", "abc", "abd", "ac", "b"}) {
            dynamo.putItem(r -> r.tableName("Prefixed").item(Map.of("pk", s("p"), "sk", s(sk))));
        }
        QueryResponse response = dynamo.query(r -> r.tableName("Prefixed").keyConditionExpression("pk = :p AND begins_with(sk, :ab)")
                .expressionAttributeValues(Map.of(":p", s("p"), ":ab", s("ab"))));
        assertThat(response.items()).extracting(item -> item.get("sk").s()).containsExactly("ab", "abc", "abd");
    }

    @Test
    void scanIndexForwardFalseReversesTheOrder() {
        QueryResponse response = dynamo.query(r -> r.tableName("Events").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("user"))).scanIndexForward(false).limit(3));
        assertThat(sortKeys(response)).containsExactly("1000", "100", "10");
    }

    @Test
    void limitPagesWithLastEvaluatedKeyInBothDirections() {
        for (boolean forward : new boolean[] {true, false}) {
            List<String> seen = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName("Events").keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("user"))).limit(3).scanIndexForward(forward)
                        .exclusiveStartKey(from).build());
                seen.addAll(sortKeys(page));
                start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                pages++;
            } while (start != null);
            assertThat(seen).hasSize(10).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(4);
        }
    }

    @Test
    void filterAppliesAfterLimitAndCountsBoth() {
        QueryResponse response = dynamo.query(r -> r.tableName("Events").keyConditionExpression("pk = :pk")
                .filterExpression("kind = :neg").expressionAttributeValues(Map.of(":pk", s("user"), ":neg", s("neg"))).limit(5));
        assertThat(response.count()).isEqualTo(3);
        assertThat(response.scannedCount()).isEqualTo(5);
        assertThat(response.lastEvaluatedKey()).containsEntry("sk", n("0.5"));
    }

    @Test
    void selectCountAnswersOnlyCounts() {
        QueryResponse response = dynamo.query(r -> r.tableName("Events").keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("user"))).select(Select.COUNT));
        assertThat(response.count()).isEqualTo(10);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void keyConditionOnANonKeyAttributeIsRejected() {
        assertThatThrownBy(() -> query("kind = :k", Map.of(":k", s("neg"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Query condition missed key schema element: pk");
        assertThatThrownBy(() -> query("pk = :pk OR sk = :v", Map.of(":pk", s("user"), ":v", n("1"))))
                .hasMessageStartingWith("Invalid operator used in KeyConditionExpression: OR");
    }

    @Test
    void scanReadsStringsInUtf8ByteOrder() {
        ScanResponse response = dynamo.scan(r -> r.tableName("Words"));
        assertThat(response.items()).extracting(item -> item.get("id").s())
                .containsExactly("Zebra", "a", "apple", "apricot", "banana", "é");
    }

    @Test
    void scanPagesAndFilters() {
        ScanResponse first = dynamo.scan(r -> r.tableName("Words").limit(4).filterExpression("begins_with(id, :a)")
                .expressionAttributeValues(Map.of(":a", s("a"))));
        assertThat(first.items()).extracting(item -> item.get("id").s()).containsExactly("a", "apple", "apricot");
        assertThat(first.scannedCount()).isEqualTo(4);
        ScanResponse rest = dynamo.scan(r -> r.tableName("Words").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.items()).extracting(item -> item.get("id").s()).containsExactly("banana", "é");
    }

    @Test
    void pagesStopAtOneMegabyte() {
        dynamo.createTable(TablesTest.table("Big", false));
        String payload = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            String id = "big-" + i;
            dynamo.putItem(r -> r.tableName("Big").item(Map.of("id", s(id), "v", s(payload))));
        }
        ScanResponse first = dynamo.scan(r -> r.tableName("Big"));
        assertThat(first.count()).isEqualTo(4);
        assertThat(first.lastEvaluatedKey()).containsEntry("id", s("big-3"));
        ScanResponse second = dynamo.scan(r -> r.tableName("Big").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(second.count()).isEqualTo(1);
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }

    /**
     * DynamoDB counts a page's megabyte in its stored form, not in item sizes: here 24 items of
     * 41,943 stored bytes and one of 41,944 make exactly 1 MiB (their item sizes, 1,041,751 bytes,
     * do not), so the page is full on its last item and has a LastEvaluatedKey; a byte less, it is not.
     */
    @Test
    void pageIsFullWhenItsStoredFormReachesOneMegabyte() {
        dynamo.createTable(r -> r.tableName("Stored").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
        for (String partition : List.of("0123456789", "9876543210")) {
            for (int i = 0; i < 25; i++) {
                String sk = String.format("%02d", i);
                String payload = "e".repeat(i == 24 && partition.startsWith("0") ? 41_646 : 41_645);
                dynamo.putItem(r -> r.tableName("Stored").item(Map.of("pk", s(partition), "sk", s(sk), "e", s(payload))));
            }
        }

        QueryResponse full = dynamo.query(r -> r.tableName("Stored").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("0123456789"))).select(Select.COUNT));
        QueryResponse byteShort = dynamo.query(r -> r.tableName("Stored").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("9876543210"))).select(Select.COUNT));

        assertThat(full.count()).isEqualTo(25);
        assertThat(full.lastEvaluatedKey()).containsEntry("sk", s("24"));
        assertThat(byteShort.count()).isEqualTo(25);
        assertThat(byteShort.hasLastEvaluatedKey()).isFalse();
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> values, String name, AttributeValue value) {
        java.util.HashMap<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(name, value);
        return all;
    }
}
