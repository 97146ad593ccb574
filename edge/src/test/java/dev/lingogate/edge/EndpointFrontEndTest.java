package dev.lingogate.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.edge.json.EndpointTraits;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the edge answers before a signature is verified, as AWS's front end for DynamoDB answers it:
 * a JSON-protocol service owning the edge's address, with DynamoDB's traits, behind real HTTP.
 */
class EndpointFrontEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024;

    static Vertx vertx;
    static EdgeServer edge;
    /** HTTP/1.1, where a reply's framing (chunked or sized) is visible. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        Map<String, JsonOperation> operations = Map.of("Greet", (input, request) -> JSON.createObjectNode());
        JsonProtocolService greeter = new JsonProtocolService("greeter", "Greeter_1.", "com.example.greeter#",
                "application/x-amz-json-1.0", operations, JSON)
                .owningTheEndpoint(new EndpointTraits("healthy: greeter.us-east-1.amazonaws.com ", true,
                        () -> "A".repeat(52)));
        vertx = Vertx.vertx();
        edge = new EdgeServer(vertx, new EdgeOptions("127.0.0.1", 0, MAX_BODY),
                new SigV4Verifier(new KeyRing(), Clock.systemUTC()), List.of(greeter));
        edge.start().await();
    }

    @AfterAll
    static void stop() {
        edge.stop().await();
        vertx.close().await();
    }

    @Test
    void aBodyOverTheLimitIsAnsweredChunkedWith413() throws Exception {
        HttpResponse<String> response = send(post("x".repeat(MAX_BODY + 1)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    }

    @Test
    void aGetIsAnsweredWithTheEndpointsHealthLine() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: greeter.us-east-1.amazonaws.com ");
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(crc32(response.body()));
    }

    @Test
    void anotherMethodOrABodyInAnotherContentTypeNamesNoOperation() throws Exception {
        HttpResponse<String> put = send(HttpRequest.newBuilder(url("")).PUT(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> text = send(post("hi").header("Content-Type", "text/plain"));
        HttpResponse<String> json11 = send(post("{}").header("Content-Type", "application/x-amz-json-1.1"));

        for (HttpResponse<String> response : List.of(put, text, json11)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("<UnknownOperationException/>\n");
        }
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationExceptionBeforeTheSignatureIsLookedAt() throws Exception {
        HttpResponse<String> response = send(post("hi").header("Content-Type", "application/json; charset=utf-8"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void aCallNamingNoKnownOperationIsAnUnknownOperationBeforeTheSignatureIsLookedAt() throws Exception {
        for (String target : List.of("", "whatever", "Greeter_1.Wave", "Other_1.Greet")) {
            HttpRequest.Builder request = post("{}").header("Content-Type", "application/x-amz-json-1.0");
            HttpResponse<String> response = send(target.isEmpty() ? request : request.header("X-Amz-Target", target));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        }
    }

    @Test
    void aCallSignedNowhereOrWithAnotherSchemeIsMissingItsToken() throws Exception {
        for (String authorization : List.of("", "AWS4", "Basic abc")) {
            HttpRequest.Builder request = greet("");
            assertThat(message(send(authorization.isEmpty() ? request : request.header("Authorization", authorization))))
                    .isEqualTo("MissingAuthenticationTokenException: Request is missing Authentication Token");
        }
    }

    @Test
    void aCallSignedBothInItsHeaderAndItsQueryIsRefused() throws Exception {
        assertThat(message(send(greet("?X-Amz-Algorithm").header("Authorization", "AWS4-HMAC-SHA256")))).isEqualTo(
                "InvalidSignatureException: Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' "
                        + "as HTTP header.");
    }

    @Test
    void anIncompleteSignatureNamesEveryPartItLacks() throws Exception {
        assertThat(message(send(greet("").header("Authorization", "AWS4-")))).isEqualTo(
                "IncompleteSignatureException: Authorization header requires 'Credential' parameter. Authorization "
                        + "header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' "
                        + "parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                        + "header. Authorization=AWS4-");
        assertThat(message(send(greet("").header("Authorization", "AWS4-HMAC-SHA256 Signature=b, Credential=a")
                .header("X-Amz-Date", "20260101T000000Z")))).isEqualTo(
                "IncompleteSignatureException: Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization=AWS4-HMAC-SHA256 Signature=b, Credential=a");
        assertThat(message(send(greet("?X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d"))))
                .isEqualTo("IncompleteSignatureException: AWS query-string parameters must include "
                        + "'X-Amz-SignedHeaders'. Re-examine the query-string parameters.");
    }

    @Test
    void aPreflightIsGrantedTheHeadersAndMethodItAsksFor() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(""))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://example.org")
                .header("Access-Control-Request-Headers", "a, b").header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("a, b");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("172800");
    }

    @Test
    void everyReplyCarriesTheEndpointsRequestIdAndItsBodysChecksum() throws Exception {
        HttpResponse<String> response = send(greet("").header("Origin", "https://example.org"));

        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValue("A".repeat(52));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(crc32(response.body()));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    private static HttpRequest.Builder greet(String query) {
        return HttpRequest.newBuilder(url(query)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "Greeter_1.Greet");
    }

    private static HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(url("")).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String message(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(400);
        var body = JSON.readTree(response.body());
        return body.get("__type").asText().replace("com.amazon.coral.service#", "") + ": " + body.get("message").asText();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String crc32(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }

    private static URI url(String query) {
        return URI.create("http://127.0.0.1:" + edge.port() + "/" + query);
    }
}
