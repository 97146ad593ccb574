package dev.lingogate.bench.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Loads any DynamoDB endpoint with signed requests: PutItem of ~300-byte items, GetItem of them,
 * and Query of ten items a partition, at each concurrency asked for, each client a thread with a
 * call in flight at all times. Prints one markdown row per operation and concurrency, with the CPU
 * each call cost the server and the driver (from {@code /proc}), and the server's resident memory
 * before and after.
 *
 * <pre>java -cp ... dev.lingogate.bench.dynamodb.DynamoDbLoad ENDPOINT LABEL [PID]
 *     [-Ddriver=wire|sdk] [-Dputs=20000] [-Dgets=20000] [-Dqueries=2000] [-Dconcurrency=1,16]
 *     [-Daccess.key=...] [-Dsecret.key=...]</pre>
 *
 * {@code driver=wire} (the default) sends requests signed before each pass over keep-alive sockets
 * ({@link SignedWireDriver}), so that the driver takes little CPU from the servers it compares;
 * {@code driver=sdk} makes every call with the AWS SDK v2 ({@link SdkDriver}), as an application does.
 * Each concurrency writes to a table of its own, created first, so every PutItem inserts. A warm-up
 * of a tenth of each count runs first and is not counted: the figures are a warm server's.
 */
public final class DynamoDbLoad {

    private final DynamoDbDriver driver;
    private final String label;
    private final long pid;

    private DynamoDbLoad(DynamoDbDriver driver, String label, long pid) {
        this.driver = driver;
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
        URI endpoint = URI.create(args[0]);
        String accessKey = System.getProperty("access.key", "lingogate");
        String secretKey = System.getProperty("secret.key", "lingogate");
        String kind = System.getProperty("driver", "wire");
        try (DynamoDbDriver driver = switch (kind) {
            case "wire" -> new SignedWireDriver(endpoint, accessKey, secretKey);
            case "sdk" -> new SdkDriver(endpoint, accessKey, secretKey, Arrays.stream(concurrencies).max().orElse(1));
            default -> throw new IllegalArgumentException("driver is wire or sdk, not " + kind);
        }) {
            DynamoDbLoad load = new DynamoDbLoad(driver, args[1] + " (" + kind + ")", args.length > 2 ? Long.parseLong(args[2]) : -1);
            String run = Long.toString(System.currentTimeMillis(), 36);
            load.reportMemory("before");
            for (int concurrency : concurrencies) {
                load.measure("bench_" + run + "_c" + concurrency, concurrency, puts, gets, queries);
            }
            load.reportMemory("after");
        }
    }

    private void measure(String table, int concurrency, int puts, int gets, int queries) throws Exception {
        driver.createTable(table);
        String warm = "warm-";
        int warmPuts = Math.max(puts / 10, DynamoDbCall.ITEMS_PER_PARTITION);
        int warmPartitions = warmPuts / DynamoDbCall.ITEMS_PER_PARTITION;
        pass(concurrency, warmPuts, i -> new DynamoDbCall.Put(table, warm, i));
        pass(concurrency, gets / 10, i -> new DynamoDbCall.Get(table, warm, ThreadLocalRandom.current().nextInt(warmPuts)));
        pass(concurrency, queries / 10, i -> new DynamoDbCall.Query(table, warm, i % warmPartitions));

        report("PutItem", concurrency, pass(concurrency, puts, i -> new DynamoDbCall.Put(table, "", i)));
        report("GetItem", concurrency, pass(concurrency, gets, i -> new DynamoDbCall.Get(table, "", ThreadLocalRandom.current().nextInt(puts))));
        int partitions = puts / DynamoDbCall.ITEMS_PER_PARTITION;
        report("Query", concurrency, pass(concurrency, queries, i -> new DynamoDbCall.Query(table, "", i % partitions)));
    }

    /** What one pass showed: latencies of the calls that succeeded (sorted), failures, time and CPU. */
    private record Pass(int calls, int failed, long elapsedNanos, long[] sortedNanos, long serverCpuNanos, long driverCpuNanos) {
    }

    /** Makes {@code count} calls spread over {@code concurrency} clients. */
    private Pass pass(int concurrency, int count, IntFunction<DynamoDbCall> nth) throws Exception {
        List<DynamoDbCall> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            calls.add(nth.apply(i));
        }
        DynamoDbDriver.PreparedPass prepared = driver.prepare(calls);
        long[] nanos = new long[count];
        boolean[] failed = new boolean[count];
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long self = ProcessHandle.current().pid();
        long serverBefore = CpuTime.ofProcess(pid);
        long driverBefore = CpuTime.ofProcess(self);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    try (DynamoDbDriver.Client client = prepared.client()) {
                        for (int i; (i = next.getAndIncrement()) < count; ) {
                            long start = System.nanoTime();
                            try {
                                client.call(i);
                                nanos[i] = System.nanoTime() - start;
                            } catch (Exception e) {
                                failed[i] = true;
                                failures.computeIfAbsent(shortened(e), k -> new LongAdder()).increment();
                            }
                        }
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
        long serverCpu = CpuTime.ofProcess(pid) - serverBefore;
        long driverCpu = CpuTime.ofProcess(self) - driverBefore;
        failures.forEach((failure, times) -> System.err.printf("%s, %s at concurrency %d: %d × %s%n",
                label, calls.get(0).operation(), concurrency, times.sum(), failure));
        long[] succeeded = new long[count];
        int ok = 0;
        for (int i = 0; i < count; i++) {
            if (!failed[i]) {
                succeeded[ok++] = nanos[i];
            }
        }
        long[] sorted = Arrays.copyOf(succeeded, ok);
        Arrays.sort(sorted);
        return new Pass(count, count - ok, elapsed, sorted, pid < 0 ? -1 : serverCpu, driverCpu);
    }

    private static String shortened(Exception e) {
        String text = e.toString().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /**
     * One markdown row: server, operation, concurrency, calls, failed, ops/s, p50 and p99 in ms, CPU
     * µs per call of the server and of the driver, and the one-minute load average at the pass's end.
     */
    private void report(String operation, int concurrency, Pass pass) {
        double seconds = pass.elapsedNanos() / 1e9;
        System.out.printf("| %s | %s | %d | %,d | %d | %,.0f | %.2f | %.2f | %s | %.0f | %s |%n", label, operation, concurrency,
                pass.calls(), pass.failed(), (pass.calls() - pass.failed()) / seconds,
                percentile(pass.sortedNanos(), 50), percentile(pass.sortedNanos(), 99),
                pass.serverCpuNanos() < 0 ? "-" : String.format("%.0f", pass.serverCpuNanos() / 1e3 / pass.calls()),
                pass.driverCpuNanos() / 1e3 / pass.calls(), loadAverage());
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
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
