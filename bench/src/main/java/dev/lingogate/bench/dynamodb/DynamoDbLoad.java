package dev.lingogate.bench.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Loads any DynamoDB endpoint the way an application does, with the AWS SDK for Java v2 signing
 * every request: PutItem of ~300-byte items, GetItem of them, and Query of ten items a partition,
 * at each concurrency asked for, each client a thread with a request in flight at all times.
 * Prints one markdown row per operation and concurrency, and the server's resident memory before
 * and after when its pid is given.
 *
 * <pre>java -cp ... dev.lingogate.bench.dynamodb.DynamoDbLoad ENDPOINT LABEL [PID]
 *     [-Dputs=20000] [-Dgets=20000] [-Dqueries=2000] [-Dconcurrency=1,16]
 *     [-Daccess.key=...] [-Dsecret.key=...]</pre>
 *
 * Each concurrency writes to a table of its own, created first, so every PutItem inserts. A warm-up
 * of a tenth of each count runs first and is not counted: the figures are a warm server's.
 */
public final class DynamoDbLoad {

    private static final int ITEMS_PER_PARTITION = 10;
    private static final String PAYLOAD = "x".repeat(240);

    private final DynamoDbClient dynamo;
    private final String label;
    private final long pid;

    private DynamoDbLoad(DynamoDbClient dynamo, String label, long pid) {
        this.dynamo = dynamo;
        this.label = label;
        this.pid = pid;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DynamoDbLoad ENDPOINT LABEL [PID]");
            System.exit(2);
        }
        int puts = Integer.getInteger("puts", 20_000);
        int gets = Integer.getInteger("gets", 20_000);
        int queries = Integer.getInteger("queries", 2_000);
        int[] concurrencies = Arrays.stream(System.getProperty("concurrency", "1,16").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int most = Arrays.stream(concurrencies).max().orElse(1);
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getProperty("access.key", "lingogate"), System.getProperty("secret.key", "lingogate"))))
                .httpClient(ApacheHttpClient.builder().maxConnections(most).tcpKeepAlive(true)
                        .socketTimeout(Duration.ofSeconds(30)).build())
                // A retried request would hide an error and count twice: every request stands alone.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            DynamoDbLoad load = new DynamoDbLoad(dynamo, args[1], args.length > 2 ? Long.parseLong(args[2]) : -1);
            String run = Long.toString(System.currentTimeMillis(), 36);
            load.reportMemory("before");
            for (int concurrency : concurrencies) {
                load.measure("bench_" + run + "_c" + concurrency, concurrency, puts, gets, queries);
            }
            load.reportMemory("after");
        }
    }

    private void measure(String table, int concurrency, int puts, int gets, int queries) throws Exception {
        createTable(table);
        String warm = "warm-";
        int warmPuts = Math.max(puts / 10, ITEMS_PER_PARTITION);
        run(concurrency, warmPuts, i -> put(table, warm, i));
        run(concurrency, gets / 10, i -> get(table, warm, ThreadLocalRandom.current().nextInt(warmPuts)));
        run(concurrency, queries / 10, i -> query(table, warm, i % (warmPuts / ITEMS_PER_PARTITION)));

        report("PutItem", concurrency, run(concurrency, puts, i -> put(table, "", i)));
        report("GetItem", concurrency, run(concurrency, gets, i -> get(table, "", ThreadLocalRandom.current().nextInt(puts))));
        int partitions = puts / ITEMS_PER_PARTITION;
        report("Query", concurrency, run(concurrency, queries, i -> query(table, "", i % partitions)));
    }

    private void createTable(String table) {
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** The i-th item: ten to a partition, about 300 bytes as DynamoDB counts them. */
    private void put(String table, String prefix, int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(partition(prefix, i / ITEMS_PER_PARTITION)));
        item.put("sk", AttributeValue.fromS(String.format("item-%04d", i % ITEMS_PER_PARTITION)));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        item.put("n", AttributeValue.fromN(Integer.toString(i)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private void get(String table, String prefix, int i) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(partition(prefix, i / ITEMS_PER_PARTITION)),
                "sk", AttributeValue.fromS(String.format("item-%04d", i % ITEMS_PER_PARTITION))))).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("item " + i + " of " + table + " is missing");
        }
    }

    private void query(String table, String prefix, int partition) {
        int count = dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition(prefix, partition))))).count();
        if (count != ITEMS_PER_PARTITION) {
            throw new IllegalStateException("partition " + partition + " of " + table + " has " + count + " items");
        }
    }

    private static String partition(String prefix, int partition) {
        return prefix + "user-" + String.format("%06d", partition);
    }

    /** Runs {@code count} calls spread over {@code concurrency} threads; the nanoseconds each took. */
    private static long[] run(int concurrency, int count, IntConsumer call) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        long start = System.nanoTime();
                        call.accept(i);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long elapsed = System.nanoTime() - started;
        long[] sorted = Arrays.copyOf(nanos, count + 1);
        Arrays.sort(sorted, 0, count);
        sorted[count] = elapsed;
        return sorted;
    }

    /** One markdown row: server, operation, concurrency, ops/s, p50 and p99 in ms. */
    private void report(String operation, int concurrency, long[] sortedThenElapsed) {
        int count = sortedThenElapsed.length - 1;
        double seconds = sortedThenElapsed[count] / 1e9;
        System.out.printf("| %s | %s | %d | %,d | %,.0f | %.2f | %.2f |%n", label, operation, concurrency, count,
                count / seconds, percentile(sortedThenElapsed, count, 50), percentile(sortedThenElapsed, count, 99));
    }

    private static double percentile(long[] sorted, int count, int p) {
        return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)] / 1e6;
    }

    private void reportMemory(String when) throws IOException {
        if (pid < 0) {
            return;
        }
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                System.out.printf("memory: %s, server RSS %s: %d MiB%n", label, when, kib / 1024);
            }
        }
    }
}
