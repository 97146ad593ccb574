package dev.lingogate.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies the edge is still reading stay within a bound too: a client that announces a body and
 * sends it slowly holds its declared length, and a call that does not fit beside it is throttled
 * before its body is read, its connection closed. Once the slow client is gone, calls are served.
 */
class BodyBacklogTest {

    private static final AccessKey KEY = new AccessKey("AKIDADMIN", "admin-secret");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PADDED = "{\"Padding\":\"" + "x".repeat(200) + "\"}";

    private final Vertx vertx = Vertx.vertx();
    private EdgeServer edge;

    @BeforeEach
    void start() {
        KeyRing keys = new KeyRing();
        keys.add(KEY, new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        JsonProtocolService greeter = new JsonProtocolService("greeter", "Greeter_1.", "com.example.greeter#",
                "application/x-amz-json-1.0",
                Map.<String, JsonOperation>of("Greet", (input, request) -> JSON.createObjectNode().put("Greeting", "Hello")),
                JSON);
        edge = new EdgeServer(vertx, new EdgeOptions("127.0.0.1", 0, 1024 * 1024).withBodyBacklog(new BacklogLimit(100, 1000)),
                new SigV4Verifier(keys, Clock.systemUTC()), List.of(greeter));
        edge.start().await();
    }

    @AfterEach
    void stop() {
        edge.stop().await();
        vertx.close().await();
    }

    @Test
    void aCallWhoseBodyDoesNotFitBesideOneStillBeingReadIsThrottledUnreadUntilThatOneIsGone() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", edge.port())) {
            send(slow, head("Content-Length: 900") + "{\"Pad");

            Exchange throttled = throttledOnceTheSlowHeadIsIn(head("Content-Length: " + PADDED.length()) + PADDED);
            assertThat(throttled.head()).startsWith("HTTP/1.1 400").contains("x-amzn-ErrorType: ThrottlingException");
            assertThat(JSON.readTree(throttled.body())).isEqualTo(JSON.readTree(
                    "{\"__type\":\"com.example.greeter#ThrottlingException\","
                            + "\"message\":\"The request was denied due to request throttling.\"}"));
            assertThat(throttled.closedByTheEdge()).as("the unread body's connection is closed").isTrue();

            Exchange chunked = exchange(head("Transfer-Encoding: chunked") + "2\r\n{}\r\n0\r\n\r\n");
            assertThat(chunked.head()).as("a chunked body weighs the largest a call may have")
                    .startsWith("HTTP/1.1 400").contains("ThrottlingException");

            Exchange unclaimed = exchange(head("Content-Length: " + PADDED.length()).replace("Greeter_1.Greet", "Nobody_1.Call")
                    + PADDED);
            assertThat(unclaimed.head()).as("a call no service claims gets AWS's common error")
                    .startsWith("HTTP/1.1 400").contains("x-amzn-ErrorType: ThrottlingException");
            assertThat(JSON.readTree(unclaimed.body())).isEqualTo(JSON.readTree(
                    "{\"__type\":\"com.amazon.coral.service#ThrottlingException\","
                            + "\"message\":\"The request was denied due to request throttling.\"}"));
            assertThat(unclaimed.closedByTheEdge()).isTrue();
        }
        HttpResponse<String> served = served();
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("{\"Greeting\":\"Hello\"}");
    }

    @Test
    void bodiesReadInFullGiveTheirRoomBack() throws Exception {
        for (int call = 0; call < 10; call++) {
            assertThat(served().statusCode()).as("call %d of ten, each 214 bytes", call).isEqualTo(200);
        }
    }

    private HttpResponse<String> served() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + edge.port() + "/");
        return HttpClient.newHttpClient().send(SignedCalls.json(KEY, uri, "Greeter_1.Greet", PADDED), BodyHandlers.ofString());
    }

    private static String head(String framing) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: Greeter_1.Greet\r\n" + framing + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One answer on a connection of its own, and whether the edge closed that connection after it. */
    private record Exchange(String head, String body, boolean closedByTheEdge) {}

    /**
     * Sends {@code request} until it is throttled: the slow call's head may still be on its way to the
     * edge, and until it is read, there is room.
     */
    private Exchange throttledOnceTheSlowHeadIsIn(String request) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Exchange answer = exchange(request);
        while (answer.head().startsWith("HTTP/1.1 200") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            answer = exchange(request);
        }
        return answer;
    }

    private Exchange exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(5_000);
            send(socket, request);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("the edge closed the connection within the head: " + head);
                }
                head.write(next);
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headText);
            if (!length.find()) {
                throw new IOException("no Content-Length in: " + headText);
            }
            String body = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
            boolean closed;
            try {
                closed = in.read() < 0;
            } catch (SocketTimeoutException stillOpen) {
                closed = false;
            }
            return new Exchange(headText, body, closed);
        }
    }
}
