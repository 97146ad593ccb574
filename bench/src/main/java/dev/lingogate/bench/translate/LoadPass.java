package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.KeepAliveConnection;
import dev.lingogate.bench.wire.WireRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends every sentence once, one per request, from {@code concurrency} clients that each keep one
 * request in flight at all times on a keep-alive connection of its own (a client sends its next
 * sentence as soon as its answer is in). The requests are written out, and signed, before the clock
 * starts; the CPU the server, its child processes and the driver itself use during the pass is read
 * from {@code /proc} around it.
 */
final class LoadPass {

    private final TranslationTarget target;
    private final int concurrency;
    private final OptionalLong serverPid;

    LoadPass(TranslationTarget target, int concurrency, OptionalLong serverPid) {
        this.target = target;
        this.concurrency = concurrency;
        this.serverPid = serverPid;
    }

    Measurement send(List<String> sentences) throws Exception {
        List<WireRequest> requests = target.requests(sentences);
        int count = requests.size();
        long[] latencies = new long[count];
        boolean[] failed = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        OptionalLong driver = OptionalLong.of(ProcessHandle.current().pid());
        ProcessCpu serverBefore = ProcessCpu.of(serverPid);
        ProcessCpu driverBefore = ProcessCpu.of(driver);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(target.server())) {
                        for (int i; (i = next.getAndIncrement()) < count; ) {
                            long start = System.nanoTime();
                            try {
                                KeepAliveConnection.Answer answer = connection.send(requests.get(i).bytes());
                                if (answer.status() != 200 || !answer.body().contains(target.translationField())) {
                                    throw new IOException("answered " + answer.status() + ": " + answer.body());
                                }
                                latencies[i] = System.nanoTime() - start;
                            } catch (IOException | RuntimeException e) {
                                failed[i] = true;
                                errorKinds.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
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
        ProcessCpu server = ProcessCpu.of(serverPid).minus(serverBefore);
        long driverCpu = ProcessCpu.of(driver).minus(driverBefore).ownNanos();
        errorKinds.forEach((kind, times) -> System.err.printf("%s at concurrency %d: %d × %s%n",
                target.label(), concurrency, times.sum(), kind));
        long[] succeeded = new long[count];
        int ok = 0;
        for (int i = 0; i < count; i++) {
            if (!failed[i]) {
                succeeded[ok++] = latencies[i];
            }
        }
        return Measurement.of(count, count - ok, elapsed, Arrays.copyOf(succeeded, ok), loadAverage(), server, driverCpu);
    }

    /** An error as the table's reader would tell it apart from others: its type and message, shortened. */
    private static String kind(Exception e) {
        String kind = e.toString().replaceAll("\\s+", " ");
        return kind.length() > 160 ? kind.substring(0, 160) + "..." : kind;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
