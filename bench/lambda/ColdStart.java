import dev.lingogate.iam.AccessKey;
import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.HostOptions;
import dev.lingogate.lambda.log.LogTail;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the echo function in the function host alone (no stack, no Apertium, no gateway):
 * RUNS times a fresh environment is started and invoked once, and the Init Duration of its REPORT
 * line (JVM start to handler ready) is taken; alternately with the function's class data archive
 * (written by a first, unmeasured start) and without (a data directory of its own each time, as the
 * function's very first start has it). A single-file program, run from the repository root:
 *
 *   java -cp stack/target/lingogate.jar bench/lambda/ColdStart.java [RUNS]
 */
public final class ColdStart {

    private static final Pattern INIT = Pattern.compile("Init Duration: ([0-9.]+) ms");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path runtimeClient = Path.of("stack/target/runtime-client");
        Path code = Files.list(Path.of("bench/target")).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        Path work = Files.createTempDirectory("lingogate-cold-start");
        Vertx vertx = Vertx.vertx();
        List<Double> withArchive = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        try {
            Path shared = work.resolve("with-archive");
            initDuration(vertx, shared, runtimeClient, code); // writes the archive as its environment stops
            for (int run = 0; run < runs; run++) {
                withArchive.add(initDuration(vertx, shared, runtimeClient, code));
                without.add(initDuration(vertx, work.resolve("without-" + run), runtimeClient, code));
            }
        } finally {
            vertx.close().await();
            deleteTree(work);
        }
        System.out.println(summary("with the function's class data archive", withArchive));
        System.out.println(summary("without (first start of a function)", without));
    }

    /** Starts one environment of the echo function in a host of its own on {@code dataDir}, invokes it once. */
    private static double initDuration(Vertx vertx, Path dataDir, Path runtimeClient, Path code) throws Exception {
        FunctionDefinition echo = new FunctionDefinition("echo", "dev.lingogate.bench.lambda.EchoFunction::handleRequest",
                "java17", List.of(code), 256, 10, Map.of(), new AccessKey("AKIACOLDSTARTBENCH01", "cold-start-bench-secret"),
                "arn:aws:iam::000000000000:role/echo");
        try (FunctionHost host = new FunctionHost(vertx, HostOptions.defaults(dataDir, "http://127.0.0.1:9", runtimeClient))) {
            host.register(echo);
            LogTail tail = new LogTail();
            host.invoke("echo", UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), tail)
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
            Matcher init = INIT.matcher(new String(tail.bytes(), StandardCharsets.UTF_8));
            if (!init.find()) {
                throw new IllegalStateException("no Init Duration in " + new String(tail.bytes(), StandardCharsets.UTF_8));
            }
            return Double.parseDouble(init.group(1));
        }
    }

    private static String summary(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "Init Duration %s, %d runs: median %.1f ms, min %.1f, max %.1f",
                what, n, median, sorted.get(0), sorted.get(n - 1));
    }

    private static void deleteTree(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
