package dev.lingogate.bench.translate;

import java.io.IOException;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends every sentence once, one per request, from {@code concurrency} clients that each keep one
 * request in flight at all times (a client sends its next sentence as soon as its answer is in).
 */
final class LoadPass {

    private final TranslationTarget target;
    private final int concurrency;

    LoadPass(TranslationTarget target, int concurrency) {
        this.target = target;
        this.concurrency = concurrency;
    }

    Measurement send(List<String> sentences) throws Exception {
        int count = sentences.size();
        long[] latencies = new long[count];
        boolean[] failed = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        long start = System.nanoTime();
                        try {
                            target.translate(sentences.get(i));
                            latencies[i] = System.nanoTime() - start;
                        } catch (Exception e) {
                            failed[i] = true;
                            errorKinds.computeIfAbsent(kind(e), k -> new LongAdder()).increment();
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
        errorKinds.forEach((kind, times) -> System.err.printf("%s at concurrency %d: %d × %s%n",
                target.label(), concurrency, times.sum(), kind));
        long[] succeeded = new long[count];
        int ok = 0;
        for (int i = 0; i < count; i++) {
            if (!failed[i]) {
                succeeded[ok++] = latencies[i];
            }
        }
        return Measurement.of(count, count - ok, elapsed, Arrays.copyOf(succeeded, ok), loadAverage());
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
