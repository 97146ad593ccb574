package dev.lingogate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Sends N requests one after another to a running Lingogate and prints the latency percentiles:
 * what a single person at the web page feels.
 *
 * <pre>java -cp bench/target/classes dev.lingogate.bench.SequentialLatency http://127.0.0.1:3000 100 sentences.txt</pre>
 *
 * Each request is {@code POST /translations} of the next line of the sentences file, en → es; a
 * few requests first warm the path and are not counted.
 */
public final class SequentialLatency {

    private static final int WARM_UP = 10;

    private SequentialLatency() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: SequentialLatency BASE_URL COUNT SENTENCES_FILE");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0] + "/translations");
        int count = Integer.parseInt(args[1]);
        List<String> sentences = java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[2]));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        for (int i = 0; i < WARM_UP; i++) {
            post(http, endpoint, sentences.get(i % sentences.size()));
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            post(http, endpoint, sentences.get((WARM_UP + i) % sentences.size()));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("POST /translations, %d sequential calls: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                count, ms(percentile(nanos, 50)), ms(percentile(nanos, 90)), ms(percentile(nanos, 99)), ms(nanos[count - 1]));
    }

    private static void post(HttpClient http, URI endpoint, String sentence) throws IOException, InterruptedException {
        String body = "{\"text\":\"" + sentence.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"source\":\"en\",\"target\":\"es\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /translations answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
