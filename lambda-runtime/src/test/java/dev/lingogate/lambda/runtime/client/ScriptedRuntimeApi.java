package dev.lingogate.lambda.runtime.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Runtime API on an ephemeral port of 127.0.0.1 that answers each request with the next of the
 * raw HTTP answers it was given, byte for byte, so that a test decides the framing, and records
 * what it received.
 */
final class ScriptedRuntimeApi implements AutoCloseable {

    /** One request as it arrived: request line, headers by lower-case name, body. */
    record Received(String requestLine, Map<String, String> headers, String body) {}

    /** An answer's bytes, sent in parts a moment apart, and whether the connection is closed after them. */
    private record Answer(List<String> parts, boolean thenClose) {}

    private final ServerSocket server;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ScriptedRuntimeApi() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-runtime-api");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code host:port}, as AWS_LAMBDA_RUNTIME_API gives it. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    ScriptedRuntimeApi answer(String raw) {
        answers.add(new Answer(List.of(raw), false));
        return this;
    }

    /** An answer whose parts arrive apart, so that the client reads a line or a body in two reads. */
    ScriptedRuntimeApi answerInParts(String... parts) {
        answers.add(new Answer(List.of(parts), false));
        return this;
    }

    ScriptedRuntimeApi answerThenClose(String raw) {
        answers.add(new Answer(List.of(raw), true));
        return this;
    }

    Received nextReceived() throws InterruptedException {
        Received request = received.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("the Runtime API received no request");
        }
        return request;
    }

    int connectionsAccepted() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread serving = new Thread(() -> serve(socket), "scripted-runtime-api-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                received.add(new Received(requestLine, headers, body));
                Answer answer = answers.poll(5, TimeUnit.SECONDS);
                if (answer == null) {
                    return;
                }
                for (String part : answer.parts()) {
                    socket.getOutputStream().write(part.getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                    Thread.sleep(50);
                }
                if (answer.thenClose()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away: nothing more to serve on this connection.
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
