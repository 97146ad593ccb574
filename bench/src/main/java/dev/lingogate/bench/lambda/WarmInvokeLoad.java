package dev.lingogate.bench.lambda;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Warm invocations of a running function, from CONCURRENCY callers each waiting for its answer
 * before the next call, for SECONDS after a warm-up; prints p50, p99 and requests per second.
 *
 * <pre>
 * WarmInvokeLoad invoke  http://127.0.0.1:4566 echo   CONCURRENCY SECONDS   # Lambda Invoke API, SigV4 by the AWS SDK v2
 * WarmInvokeLoad gateway http://127.0.0.1:3000 /echo  CONCURRENCY SECONDS   # POST through the gateway, JDK HTTP client
 * </pre>
 *
 * The Invoke API is signed with the documented admin key {@code lingogate}/{@code lingogate}.
 */
public final class WarmInvokeLoad {

    private static final String EVENT = "{\"text\":\"Bonjour tout le monde\",\"source\":\"fr\",\"target\":\"en\"}";
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    private WarmInvokeLoad() {
    }

    /** One caller's way of making one call; throws if the answer is not the echo. */
    private interface Call {
        void once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: WarmInvokeLoad invoke|gateway BASE_URL FUNCTION|PATH CONCURRENCY SECONDS");
            System.exit(2);
        }
        String mode = args[0];
        URI base = URI.create(args[1]);
        String target = args[2];
        int concurrency = Integer.parseInt(args[3]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[4]));

        List<Call> callers = new ArrayList<>();
        List<AutoCloseable> clients = new ArrayList<>();
        if (mode.equals("invoke")) {
            LambdaClient lambda = LambdaClient.builder().endpointOverride(base).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("lingogate", "lingogate")))
                    .httpClient(ApacheHttpClient.builder().maxConnections(concurrency).build())
                    .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                    .build();
            clients.add(lambda);
            SdkBytes payload = SdkBytes.fromUtf8String(EVENT);
            for (int i = 0; i < concurrency; i++) {
                callers.add(() -> {
                    InvokeResponse response = lambda.invoke(r -> r.functionName(target).payload(payload));
                    if (response.functionError() != null || !response.payload().asUtf8String().equals(EVENT)) {
                        throw new IllegalStateException("Invoke answered " + response.functionError() + ": "
                                + response.payload().asUtf8String());
                    }
                });
            }
        } else if (mode.equals("gateway")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(EVENT)).build();
            for (int i = 0; i < concurrency; i++) {
                callers.add(() -> {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("POST " + target + " answered " + response.statusCode() + ": " + response.body());
                    }
                });
            }
        } else {
            throw new IllegalArgumentException("mode must be invoke or gateway, was " + mode);
        }

        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long[] nanos;
        double seconds;
        try {
            run(threads, callers, WARM_UP);
            long started = System.nanoTime();
            nanos = run(threads, callers, measured);
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            // A caller that failed ends the run: the others must not keep the JVM alive for ever.
            threads.shutdownNow();
            for (AutoCloseable client : clients) {
                client.close();
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s %s, concurrency %d: %d calls in %.1f s, %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                mode, target, concurrency, nanos.length, seconds, nanos.length / seconds,
                percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
    }

    /** Every caller calls, one call after another, until {@code duration} is over; answers every call's latency. */
    private static long[] run(ExecutorService threads, List<Call> callers, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (Call call : callers) {
            Callable<long[]> caller = () -> {
                long[] latencies = new long[1024];
                int count = 0;
                long now = System.nanoTime();
                while (now < deadline) {
                    call.once();
                    long done = System.nanoTime();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = done - now;
                    now = done;
                }
                return Arrays.copyOf(latencies, count);
            };
            results.add(threads.submit(caller));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
