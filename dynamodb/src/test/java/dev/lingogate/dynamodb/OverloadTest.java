package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.dynamodb.storage.SqliteTableStore;
import dev.lingogate.edge.BacklogLimit;
import dev.lingogate.edge.EdgeOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * More writes than the writer can take: past its backlog a write is answered at once with DynamoDB's
 * {@code ProvisionedThroughputExceededException} and not applied, the AWS SDK retries it with
 * back-off, every write acknowledged is in the table, and the edge serves as before afterwards. The
 * writer is held up by SQLite's write lock taken from the test ({@link HeldWriteLock}), so that the
 * writes sent meanwhile pile up in front of it.
 */
class OverloadTest {

    private static final String TABLE = "Overload";
    private static final String MESSAGE = "You exceeded your maximum allowed provisioned throughput.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private RunningEdge edge;
    private final ExecutorService callers = Executors.newFixedThreadPool(24);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        edge.close();
    }

    @Test
    void writesPastTheWritersBacklogAreThrottledAtOnceAndNeverApplied() throws Exception {
        start(new BacklogLimit(4, 1024 * 1024), EdgeOptions.WORKER_BACKLOG);
        put(edge.client(), "existing");
        List<CompletableFuture<String>> puts = new ArrayList<>();
        List<String> throttled = new ArrayList<>();
        try (HeldWriteLock lock = new HeldWriteLock(dataDir)) {
            for (int i = 0; i < 20; i++) {
                String id = "put-" + i;
                puts.add(CompletableFuture.supplyAsync(() -> put(edge.client(), id), callers));
            }
            // Four writes fit in the backlog (the one the writer holds included); the other sixteen
            // are answered at once, while the lock is still held.
            waitFor(() -> puts.stream().filter(CompletableFuture::isDone).count() == 16);
            for (CompletableFuture<String> put : puts) {
                if (put.isDone()) {
                    assertThat(put).isCompletedExceptionally();
                    assertThatThrownBy(put::join).cause().satisfies(OverloadTest::isDynamoDbsThrottling);
                }
            }
            assertThatEveryOtherWriteIsThrottled();
            assertThatTheWireCarriesDynamoDbsError();
        }
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < puts.size(); i++) {
            String id = "put-" + i;
            (puts.get(i).isCompletedExceptionally() ? throttled : acknowledged).add(id);
            if (!throttled.contains(id)) {
                puts.get(i).get(15, TimeUnit.SECONDS);
            }
        }

        assertThat(acknowledged).hasSize(4);
        assertThat(acknowledged).allSatisfy(id -> assertThat(stored(id)).as(id).isTrue());
        assertThat(throttled).hasSize(16).noneSatisfy(id -> assertThat(stored(id)).as(id).isTrue());
        assertThat(stored("existing")).as("not deleted by the throttled DeleteItem").isTrue();
        assertThat(edge.client().getItem(r -> r.tableName(TABLE).key(key("existing"))).item())
                .as("not changed by the throttled UpdateItem").doesNotContainKey("tally");
        put(edge.client(), "after");
        assertThat(stored("after")).as("the edge serves as before after the burst").isTrue();
    }

    @Test
    void withItsRetriesOnTheSdkRidesOutTheOverload() throws Exception {
        start(new BacklogLimit(4, 1024 * 1024), EdgeOptions.WORKER_BACKLOG);
        AtomicInteger throttledAnswers = new AtomicInteger();
        ExecutionInterceptor countingThrottles = new ExecutionInterceptor() {
            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                if (context.httpResponse().statusCode() == 400) {
                    throttledAnswers.incrementAndGet();
                }
            }
        };
        List<CompletableFuture<String>> puts = new ArrayList<>();
        try (DynamoDbClient retrying = edge.newClient(c -> c.addExecutionInterceptor(countingThrottles))) {
            try (HeldWriteLock lock = new HeldWriteLock(dataDir)) {
                for (int i = 0; i < 12; i++) {
                    String id = "put-" + i;
                    puts.add(CompletableFuture.supplyAsync(() -> put(retrying, id), callers));
                }
                waitFor(() -> throttledAnswers.get() >= 8);
            }
            for (CompletableFuture<String> put : puts) {
                put.get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(throttledAnswers.get()).as("throttled first, then retried").isGreaterThanOrEqualTo(8);
        for (int i = 0; i < puts.size(); i++) {
            assertThat(stored("put-" + i)).as("put-" + i).isTrue();
        }
    }

    @Test
    void callsPastTheWorkersBacklogReadsIncludedAreThrottledTheSameWay() throws Exception {
        start(SqliteTableStore.WRITE_BACKLOG, new BacklogLimit(2, 1024 * 1024));
        put(edge.client(), "existing");
        List<CompletableFuture<?>> updates = new ArrayList<>();
        Throwable throttledRead;
        // The updates retry, as a read may take a worker before the second of them does.
        try (DynamoDbClient retrying = edge.newClient(c -> { });
                HeldWriteLock lock = new HeldWriteLock(dataDir)) {
            // UpdateItem holds its worker until its commit: two of them fill the workers' backlog.
            for (int i = 0; i < 2; i++) {
                updates.add(CompletableFuture.runAsync(() -> retrying.updateItem(r -> r.tableName(TABLE)
                        .key(key("existing")).updateExpression("ADD tally :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))), callers));
            }
            throttledRead = firstThrottledRead();
            lock.close();
            for (CompletableFuture<?> update : updates) {
                update.get(15, TimeUnit.SECONDS);
            }
        }

        isDynamoDbsThrottling(throttledRead);
        assertThat(edge.client().getItem(r -> r.tableName(TABLE).key(key("existing"))).item().get("tally").n())
                .isEqualTo("2");
    }

    /**
     * Reads the item, one read at a time, until a read is turned away: then both updates hold the
     * workers' backlog.
     */
    private Throwable firstThrottledRead() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                edge.client().getItem(r -> r.tableName(TABLE).key(key("existing")));
            } catch (ProvisionedThroughputExceededException throttled) {
                return throttled;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no read was throttled in 10 s");
    }

    /** While the backlog is full, each other way to the writer is throttled too. */
    private void assertThatEveryOtherWriteIsThrottled() {
        DynamoDbClient client = edge.client();
        assertThatThrownBy(() -> client.deleteItem(r -> r.tableName(TABLE).key(key("existing"))))
                .satisfies(OverloadTest::isDynamoDbsThrottling);
        assertThatThrownBy(() -> client.updateItem(r -> r.tableName(TABLE).key(key("existing"))
                .updateExpression("ADD tally :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))))
                .satisfies(OverloadTest::isDynamoDbsThrottling);
        assertThatThrownBy(() -> client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, List.of(
                WriteRequest.builder().putRequest(p -> p.item(key("batch-1"))).build(),
                WriteRequest.builder().putRequest(p -> p.item(key("batch-2"))).build())))))
                .satisfies(OverloadTest::isDynamoDbsThrottling);
        assertThatThrownBy(() -> client.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(TABLE).item(key("transaction-1"))),
                t -> t.put(p -> p.tableName(TABLE).item(key("transaction-2"))))))
                .satisfies(OverloadTest::isDynamoDbsThrottling);
        for (String id : List.of("batch-1", "batch-2", "transaction-1", "transaction-2")) {
            assertThat(stored(id)).as(id).isFalse();
        }
    }

    /** Status, error type header and body, as a client that is not the SDK reads them. */
    private void assertThatTheWireCarriesDynamoDbsError() throws Exception {
        HttpResponse<String> response = edge.post("PutItem",
                "{\"TableName\":\"" + TABLE + "\",\"Item\":{\"id\":{\"S\":\"raw\"}}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ProvisionedThroughputExceededException");
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                        + "\"message\":\"" + MESSAGE + "\"}"));
    }

    private static void isDynamoDbsThrottling(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ProvisionedThroughputExceededException.class);
        ProvisionedThroughputExceededException error = (ProvisionedThroughputExceededException) thrown;
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
        assertThat(error.isThrottlingException()).as("what the SDK retries with back-off").isTrue();
    }

    private void start(BacklogLimit writeBacklog, BacklogLimit workerBacklog) {
        edge = new RunningEdge(dataDir, writeBacklog, workerBacklog);
        edge.client().createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
    }

    private static String put(DynamoDbClient client, String id) {
        client.putItem(r -> r.tableName(TABLE).item(key(id)));
        return id;
    }

    private boolean stored(String id) {
        return edge.client().getItem(r -> r.tableName(TABLE).key(key(id)).consistentRead(true)).hasItem();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not so within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
