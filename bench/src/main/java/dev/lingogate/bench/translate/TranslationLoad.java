package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.KeepAliveConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * Translation serving side by side: every sentence of the file sent en → es, one per request, to
 * Lingogate's edge (TranslateText, signed), to the app's {@code POST /translate} through the gateway,
 * and to Apertium APy, at each concurrency asked for; and the engine's ceiling, {@code apertium -u
 * eng-spa} on the whole file as one batch. Prints a markdown table, the CPU each request cost each
 * process, and the issue's goals as ratios.
 *
 * <pre>java -cp ... dev.lingogate.bench.translate.TranslationLoad SENTENCES EDGE_URL GATEWAY_URL APY_URL
 *     [-Dconcurrency=1,8,32] [-Dwarmup=2000] [-Dtargets=edge,gateway,apy] [-Dlingogate.pid=N] [-Dapy.pid=N]</pre>
 *
 * Each target first answers a warm-up of {@code warmup} requests at the highest concurrency, the
 * sentences over again as many times as it takes, not counted: pools grow as far as they will, and a
 * JVM's compiler has finished the edge's path (the Lingogate JVM's own CPU per request in passes of
 * 1,000 at concurrency 32 fell from 2,070 µs to 1,070-1,270 µs over the first six passes, its
 * compiler still compiling some 100 methods a pass after the third). Then, concurrency by concurrency, the
 * targets take their turn one after the other, so that the passes compared in a ratio saw the same
 * machine within seconds of each other; the batch ceiling is measured just before and just after
 * the highest concurrency, which is what it is compared with. Nothing is cached by the targets
 * (start Lingogate with --no-translation-cache), and every pass sends all sentences. Every target is
 * sent prepared requests over the same lean keep-alive client ({@link KeepAliveConnection}): on a
 * machine of two cores, a driver that pays a client library's cost per request takes that CPU from
 * the server it measures (the AWS SDK, signing while it timed, took 37% of it).
 */
public final class TranslationLoad {

    private static final String BATCH = "apertium -u eng-spa, whole file as one batch";

    private TranslationLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TranslationLoad SENTENCES EDGE_URL GATEWAY_URL APY_URL");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        List<String> sentences = Files.readAllLines(file);
        int[] concurrencies = Arrays.stream(System.getProperty("concurrency", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).sorted().toArray();
        int most = concurrencies[concurrencies.length - 1];
        int warmup = Integer.getInteger("warmup", 2000);
        List<String> warmupSentences = IntStream.range(0, warmup).mapToObj(i -> sentences.get(i % sentences.size())).toList();
        OptionalLong lingogate = pid("lingogate.pid");

        TranslationTarget edge = new EdgeTranslateText(URI.create(args[1]));
        TranslationTarget gateway = new GatewayTranslate(URI.create(args[2]));
        TranslationTarget apy = new ApertiumApy(URI.create(args[3]));
        Map<TranslationTarget, OptionalLong> servers = new LinkedHashMap<>();
        // -Dtargets=edge,apy measures some of them only, e.g. to keep a run on a busy machine short.
        List<String> named = List.of(System.getProperty("targets", "edge,gateway,apy").split(","));
        if (named.contains("edge")) {
            servers.put(edge, lingogate);
        }
        if (named.contains("gateway")) {
            servers.put(gateway, lingogate);
        }
        if (named.contains("apy")) {
            servers.put(apy, pid("apy.pid"));
        }
        Map<String, Measurement> results = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        List<String> cpuRows = new ArrayList<>();
        for (Map.Entry<TranslationTarget, OptionalLong> server : servers.entrySet()) {
            Measurement warm = new LoadPass(server.getKey(), most, server.getValue())
                    .send(warmupSentences);
            System.err.printf("warm-up: %s, %d requests, %d errors%n", server.getKey().label(), warm.requests(), warm.errors());
        }
        BatchCeiling ceiling = new BatchCeiling(file);
        for (int concurrency : concurrencies) {
            if (concurrency == most) {
                rows.add(batchRow(results, "before", ceiling.run(), cpuRows));
            }
            for (Map.Entry<TranslationTarget, OptionalLong> server : servers.entrySet()) {
                TranslationTarget target = server.getKey();
                Measurement pass = new LoadPass(target, concurrency, server.getValue()).send(sentences);
                results.put(key(target, concurrency), pass);
                rows.add(row(target.label(), Integer.toString(concurrency), pass));
                cpuRows.add(cpuRow(target.label(), Integer.toString(concurrency), pass));
                System.err.println(rows.get(rows.size() - 1));
                System.err.println(cpuRows.get(cpuRows.size() - 1));
            }
        }
        rows.add(batchRow(results, "after", ceiling.run(), cpuRows));

        System.out.println("| target | concurrency | requests | errors | req/s | p50 ms | p99 ms | load (1 min) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("CPU per request, µs (from /proc; the server's own process, its child processes apart, and the driver):");
        System.out.println();
        System.out.println("| target | concurrency | server process | its Apertium programs | its function JVMs | driver | all |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        cpuRows.forEach(System.out::println);
        System.out.println();
        for (TranslationTarget ours : List.of(edge, gateway)) {
            goals(results, ours, apy, most);
        }
    }

    private static OptionalLong pid(String property) {
        String pid = System.getProperty(property, "");
        return pid.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid));
    }

    private static String batchRow(Map<String, Measurement> results, String when, Measurement batch, List<String> cpuRows) {
        results.put(BATCH + " " + when, batch);
        System.err.printf("batch ceiling (%s): %,.0f sentences/s%n", when, batch.perSecond());
        cpuRows.add(cpuRow(BATCH + " (" + when + ", start-up included)", "batch", batch));
        return String.format("| %s (%s) | batch | %,d | 0 | %,.0f | | | %.1f |", BATCH, when, batch.requests(),
                batch.perSecond(), batch.loadAverage());
    }

    /** The issue's goals, as ratios of passes of the same run. */
    private static void goals(Map<String, Measurement> results, TranslationTarget ours, TranslationTarget apy, int most) {
        if (results.get(key(ours, most)) == null) {
            return;
        }
        Measurement ours8 = results.get(key(ours, 8));
        Measurement apy8 = results.get(key(apy, 8));
        if (ours8 != null && apy8 != null) {
            double speed = ours8.perSecond() / apy8.perSecond();
            double latency = ours8.percentileMillis(50) / apy8.percentileMillis(50);
            System.out.printf("- %s at concurrency 8: %.2f× APy's req/s (goal ≥ 5×: %s), p50 %.2f of APy's (goal ≤ 0.20: %s)%n",
                    ours.label(), speed, verdict(speed >= 5), latency, verdict(latency <= 0.2));
        }
        Measurement oursMost = results.get(key(ours, most));
        double ceiling = (results.get(BATCH + " before").perSecond() + results.get(BATCH + " after").perSecond()) / 2;
        double share = oursMost.perSecond() / ceiling;
        System.out.printf("- %s at concurrency %d: %.0f%% of the batch ceiling (mean of before and after, %,.0f sentences/s; goal ≥ 80%%: %s)%n",
                ours.label(), most, 100 * share, ceiling, verdict(share >= 0.8));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "not met";
    }

    private static String row(String label, String concurrency, Measurement m) {
        return String.format("| %s | %s | %,d | %d | %,.0f | %.1f | %.1f | %.1f |", label, concurrency, m.requests(),
                m.errors(), m.perSecond(), m.percentileMillis(50), m.percentileMillis(99), m.loadAverage());
    }

    private static String cpuRow(String label, String concurrency, Measurement m) {
        ProcessCpu cpu = m.serverCpu();
        long all = cpu.ownNanos() + cpu.javaChildrenNanos() + cpu.otherChildrenNanos() + m.driverCpuNanos();
        return String.format("| %s | %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f |", label, concurrency,
                m.microsPerRequest(cpu.ownNanos()), m.microsPerRequest(cpu.otherChildrenNanos()),
                m.microsPerRequest(cpu.javaChildrenNanos()), m.microsPerRequest(m.driverCpuNanos()), m.microsPerRequest(all));
    }

    private static String key(TranslationTarget target, int concurrency) {
        return target.label() + " @" + concurrency;
    }
}
