import dev.lingogate.iam.AccessKey;
import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.HostOptions;
import dev.lingogate.lambda.Invocation;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm invokes of the echo function through the function host alone, in this process: no gateway,
 * no edge, no HTTP client, so that the figures are the host's path (host, Runtime API, function
 * JVMs) and nothing else. CONCURRENCY invocations are kept in flight for SECONDS, after as many
 * seconds unmeasured, with ENVIRONMENTS environments at most; prints req/s and the CPU each
 * invocation cost this process and the function's JVMs. Run from the repository root:
 *
 *   java -cp stack/target/lingogate.jar bench/lambda/HostThroughput.java CONCURRENCY ENVIRONMENTS SECONDS
 *
 * Put lambda/target/classes before the jar to measure a host not yet packaged into the launcher.
 */
public final class HostThroughput {

    private static final byte[] EVENT = "{\"text\":\"Bonjour tout le monde\",\"source\":\"fr\",\"target\":\"en\"}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(args[0]);
        int environments = Integer.parseInt(args[1]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
        Path code = Files.list(Path.of("bench/target")).filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        Path data = Files.createTempDirectory("lingogate-host-throughput");
        Vertx vertx = Vertx.vertx();
        HostOptions defaults = HostOptions.defaults(data, "http://127.0.0.1:9", Path.of("stack/target/runtime-client"));
        HostOptions options = new HostOptions(data, defaults.edgeEndpoint(), defaults.region(), environments,
                defaults.javaExecutable(), defaults.runtimeClientClasspath(), Duration.ofSeconds(30));
        try (FunctionHost host = new FunctionHost(vertx, options)) {
            host.register(new FunctionDefinition("echo", "dev.lingogate.bench.lambda.EchoFunction::handleRequest", "java17",
                    List.of(code), 256, 10, Map.of(), new AccessKey("AKIAHOSTTHROUGHPUT01", "host-throughput-secret"),
                    "arn:aws:iam::000000000000:role/echo"));
            run(host, concurrency, measured); // warm-up: environments started, JIT done
            long cpu0 = processCpuNanos();
            long functions0 = childrenCpuTicks();
            long started = System.nanoTime();
            long calls = run(host, concurrency, measured);
            double seconds = (System.nanoTime() - started) / 1e9;
            long hostCpu = processCpuNanos() - cpu0;
            long functionCpu = (childrenCpuTicks() - functions0) * 1_000_000_000L / 100;
            System.out.printf(Locale.ROOT, "host alone, concurrency %d, %d environment(s): %.0f req/s; CPU per invocation: host %.0f us, function JVMs %.0f us%n",
                    concurrency, environments, calls / seconds, hostCpu / 1e3 / calls, functionCpu / 1e3 / calls);
        } finally {
            vertx.close().await();
            deleteTree(data);
        }
    }

    /** Keeps {@code concurrency} invocations in flight until {@code duration} is over; answers how many ended. */
    private static long run(FunctionHost host, int concurrency, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        CompletableFuture<?>[] callers = new CompletableFuture<?>[concurrency];
        for (int i = 0; i < concurrency; i++) {
            CompletableFuture<Void> caller = new CompletableFuture<>();
            callers[i] = caller;
            next(host, deadline, done, caller);
        }
        CompletableFuture.allOf(callers).get();
        return done.get();
    }

    private static void next(FunctionHost host, long deadline, AtomicLong done, CompletableFuture<Void> caller) {
        if (System.nanoTime() >= deadline) {
            caller.complete(null);
            return;
        }
        host.invoke("echo", EVENT).whenComplete((invocation, failure) -> {
            if (failure != null || !(invocation instanceof Invocation.Returned)) {
                caller.completeExceptionally(failure != null ? failure : new IllegalStateException(invocation.toString()));
                return;
            }
            done.incrementAndGet();
            next(host, deadline, done, caller);
        });
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User and system time of this process's children (the function JVMs), in clock ticks (USER_HZ, 100 on Linux). */
    private static long childrenCpuTicks() {
        return ProcessHandle.current().children().mapToLong(child -> {
            try {
                String[] stat = Files.readString(Path.of("/proc", Long.toString(child.pid()), "stat")).replaceAll(".*\\) ", "").split(" ");
                return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            } catch (Exception e) {
                return 0;
            }
        }).sum();
    }

    private static void deleteTree(Path directory) throws java.io.IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
