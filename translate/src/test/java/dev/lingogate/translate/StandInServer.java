package dev.lingogate.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 speaking a remote engine's protocol (LibreTranslate's or DeepL's)
 * in front of a real translator: each request's fields are read as the protocol defines them, and
 * the text is translated by another Lingogate edge through Amazon Translate's API, so a test can only
 * pass if the client spoke the protocol right. It can be told to fail its first requests (503) or
 * to hang, to exercise retries and timeouts. Stopped by {@link #close()}.
 */
final class StandInServer implements AutoCloseable {

    /** Answers one protocol request: status and JSON body. */
    interface Protocol {
        Answer answer(HttpExchange exchange, JsonNode request) throws IOException;
    }

    record Answer(int status, String json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean hanging;

    StandInServer(String path, Protocol protocol) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                if (hanging) {
                    Thread.sleep(5_000);
                    return;
                }
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    respond(exchange, new Answer(503, "{\"error\":\"Service Unavailable\"}"));
                    return;
                }
                if (!exchange.getRequestMethod().equals("POST")) {
                    respond(exchange, new Answer(405, "{\"error\":\"POST only\"}"));
                    return;
                }
                respond(exchange, protocol.answer(exchange, JSON.readTree(exchange.getRequestBody())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return requests.get();
    }

    /** The next {@code count} requests are answered 503. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    void hang() {
        hanging = true;
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
