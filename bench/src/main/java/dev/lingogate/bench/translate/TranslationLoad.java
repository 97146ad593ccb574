package dev.lingogate.bench.translate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translation serving side by side: every sentence of the file sent en → es, one per request, to
 * Lingogate's edge (TranslateText, signed), to the app's {@code POST /translate} through the gateway,
 * and to Apertium APy, at each concurrency asked for; and the engine's ceiling, {@code apertium -u
 * eng-spa} on the whole file as one batch. Prints a markdown table and the issue's goals as ratios.
 *
 * <pre>java -cp ... dev.lingogate.bench.translate.TranslationLoad SENTENCES EDGE_URL GATEWAY_URL APY_URL
 *     [-Dconcurrency=1,8,32] [-Dwarmup=200]</pre>
 *
 * Each target first answers a warm-up of {@code warmup} requests at the highest concurrency (so
 * that pools have grown as far as they will), not counted. Then, concurrency by concurrency, the
 * three targets take their turn one after the other, so that the passes compared in a ratio saw
 * the same machine within seconds of each other; the batch ceiling is measured just before and
 * just after the highest concurrency, which is what it is compared with. Nothing is cached by the
 * targets (start Lingogate with --no-translation-cache), and every pass sends all sentences.
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
        int warmup = Integer.getInteger("warmup", 200);

        EdgeTranslateText edge = new EdgeTranslateText(URI.create(args[1]), most);
        GatewayTranslate gateway = new GatewayTranslate(args[2]);
        ApertiumApy apy = new ApertiumApy(args[3]);
        // -Dtargets=edge,apy measures some of them only, e.g. to keep a run on a busy machine short.
        List<String> named = List.of(System.getProperty("targets", "edge,gateway,apy").split(","));
        List<TranslationTarget> targets = new ArrayList<>();
        if (named.contains("edge")) {
            targets.add(edge);
        }
        if (named.contains("gateway")) {
            targets.add(gateway);
        }
        if (named.contains("apy")) {
            targets.add(apy);
        }
        Map<String, Measurement> results = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        try {
            for (TranslationTarget target : targets) {
                Measurement warm = new LoadPass(target, most).send(sentences.subList(0, Math.min(warmup, sentences.size())));
                System.err.printf("warm-up: %s, %d requests, %d errors%n", target.label(), warm.requests(), warm.errors());
            }
            BatchCeiling ceiling = new BatchCeiling(file);
            for (int concurrency : concurrencies) {
                if (concurrency == most) {
                    rows.add(batchRow(results, "before", ceiling.run()));
                }
                for (TranslationTarget target : targets) {
                    Measurement pass = new LoadPass(target, concurrency).send(sentences);
                    results.put(key(target, concurrency), pass);
                    rows.add(row(target.label(), Integer.toString(concurrency), pass));
                    System.err.println(rows.get(rows.size() - 1));
                }
            }
            rows.add(batchRow(results, "after", ceiling.run()));
        } finally {
            List.of(edge, gateway, apy).forEach(TranslationTarget::close);
        }

        System.out.println("| target | concurrency | requests | errors | req/s | p50 ms | p99 ms | load (1 min) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.out.println();
        goals(results, edge, apy, most);
        goals(results, gateway, apy, most);
    }

    private static String batchRow(Map<String, Measurement> results, String when, Measurement batch) {
        results.put(BATCH + " " + when, batch);
        System.err.printf("batch ceiling (%s): %,.0f sentences/s%n", when, batch.perSecond());
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

    private static String key(TranslationTarget target, int concurrency) {
        return target.label() + " @" + concurrency;
    }
}
