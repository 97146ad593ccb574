package dev.lingogate.stack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.gateway.http.NetworkTransport;
import dev.lingogate.stack.wiring.LocalStack;
import dev.lingogate.stack.wiring.StackOptions;
import dev.lingogate.translate.TranslateOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole of Lingogate started from the project's own template.yaml, as `./lingogate up` starts
 * it, on ports the system picks, with its data in a folder of the test's.
 */
final class RunningStack implements AutoCloseable {

    static final Path TEMPLATE = Path.of("../template.yaml");

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RunningStack(LocalStack stack) {
        this.stack = stack;
    }

    static RunningStack start(Path dataDir) {
        return start(TEMPLATE, dataDir);
    }

    static RunningStack start(Path template, Path dataDir) {
        return new RunningStack(LocalStack.start(new StackOptions(template, dataDir, "127.0.0.1", 0, 0, 0,
                Path.of("../app/web"), StackOptions.DEFAULT_ADMIN_KEY, Path.of("target/runtime-client"), "us-east-1",
                TranslateOptions.defaults(), 4, NetworkTransport.fastestAvailable())));
    }

    URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + stack.gatewayPort() + path);
    }

    URI metrics() {
        return URI.create("http://127.0.0.1:" + stack.metricsPort() + "/metrics");
    }

    URI edge() {
        return URI.create("http://127.0.0.1:" + stack.edgePort());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway(path)).GET());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(gateway(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
