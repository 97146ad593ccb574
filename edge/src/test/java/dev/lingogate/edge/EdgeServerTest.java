package dev.lingogate.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.lingogate.edge.cbor.RpcV2CborService;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Effect;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.policy.Statement;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The edge over real HTTP, with requests signed by the AWS SDK's signer, in front of a small
 * JSON-protocol service with one operation, {@code Greeter_1.Greet}.
 */
class EdgeServerTest {

    private static final AccessKey ADMIN = new AccessKey("AKIDADMIN", "admin-secret");
    private static final AccessKey LIMITED = new AccessKey("AKIDLIMITED", "limited-secret");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Vertx vertx;
    static EdgeServer edge;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        KeyRing keys = new KeyRing();
        keys.add(ADMIN, new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        keys.add(LIMITED, new Principal("arn:aws:sts::000000000000:assumed-role/R/f",
                new Policy(List.of(new Statement(Effect.ALLOW, List.of("greeter:Other"), List.of("*"))))));
        Map<String, JsonOperation> operations = Map.of("Greet", (input, request) -> {
                    request.authorize("greeter:Greet", "arn:aws:greeter:::" + input.path("Name").asText());
                    request.replyHeaders().put("X-Greeter-Language", "en");
                    if (input.path("Name").asText().isEmpty()) {
                        throw new AwsException(400, "ValidationException", "Name must not be empty");
                    }
                    if (input.path("Name").asText().equals("Nobody")) {
                        throw new AwsException(400, "UnknownNameException", "No one is called Nobody");
                    }
                    ObjectNode out = JSON.createObjectNode();
                    out.put("Greeting", "Hello, " + input.get("Name").asText());
                    return out;
                }, "Crash", (input, request) -> {
                    throw new IllegalStateException("a bug with secret internals");
                });
        JsonProtocolService greeter = new JsonProtocolService("greeter", "Greeter_1.", "com.example.greeter#",
                "application/x-amz-json-1.0", operations, JSON);
        RpcV2CborService cborGreeter = new RpcV2CborService("greeter", "Greeter_1", "com.example.greeter", operations);
        vertx = Vertx.vertx();
        edge = new EdgeServer(vertx, new EdgeOptions("127.0.0.1", 0, 1024), new SigV4Verifier(keys, Clock.systemUTC()),
                List.of(greeter, cborGreeter));
        edge.start().await();
    }

    @AfterAll
    static void stop() {
        edge.stop().await();
        vertx.close().await();
    }

    @Test
    void aSignedCallReachesItsOperation() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Greeting\":\"Hello, Ada\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("X-Greeter-Language")).as("the operation's own header").hasValue("en");
    }

    @Test
    void eachCallGetsADifferentVersionFourRequestIdAsAwsAnswersThem() throws Exception {
        String first = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"Ada\"}").headers().firstValue("x-amzn-RequestId").orElseThrow();
        String second = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"Ada\"}").headers().firstValue("x-amzn-RequestId").orElseThrow();

        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anOperationsErrorIsWrittenInTheServicesShape() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"Nobody\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"__type\":\"com.example.greeter#UnknownNameException\",\"message\":\"No one is called Nobody\"}");
        assertThat(response.headers().firstValue("X-Greeter-Language")).as("headers of a failed call").isEmpty();
    }

    @Test
    void aValidationErrorIsNamedInCoralsNamespaceAsDynamoDbNamesIt() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(
                "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Name must not be empty\"}");
    }

    @Test
    void aCallOutsideTheCallersPolicyIsDeniedInAwsWords() throws Exception {
        HttpResponse<String> response = send(LIMITED, "Greeter_1.Greet", "{\"Name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#AccessDeniedException");
        assertThat(JSON.readTree(response.body()).get("Message").asText()).isEqualTo(
                "User: arn:aws:sts::000000000000:assumed-role/R/f is not authorized to perform: greeter:Greet on resource: "
                        + "arn:aws:greeter:::Ada because no identity-based policy allows the greeter:Greet action");
    }

    @Test
    void anUnsignedCallIsMissingItsToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url()))
                .header("X-Amz-Target", "Greeter_1.Greet").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }

    @Test
    void aCallSignedWithAnUnknownKeyIsAnUnrecognizedClient() throws Exception {
        HttpResponse<String> response = send(new AccessKey("AKIDNOBODY", "x"), "Greeter_1.Greet", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "{\"Name\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
    }

    @Test
    void aCallSignedInItsQueryStringIsVerifiedAsAPresignedUrlIs() throws Exception {
        byte[] body = "{\"Name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(url()))
                .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", "Greeter_1.Greet").build();
        var presigned = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ADMIN.id(), ADMIN.secret()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "greeter")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING));
        HttpRequest.Builder request = HttpRequest.newBuilder(presigned.request().getUri())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        presigned.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });

        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(presigned.request().getUri().getQuery()).contains("X-Amz-Signature=");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Greeting\":\"Hello, Ada\"}");
    }

    @Test
    void aSignedCallWithoutABodyIsASerializationExceptionWithoutAMessage() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#SerializationException\"}");
    }

    @Test
    void anUnknownOperationOrServiceIsAnUnknownOperation() throws Exception {
        assertThat(send(ADMIN, "Greeter_1.Wave", "{}").body()).contains("UnknownOperationException");
        HttpResponse<String> noService = send(ADMIN, "Nobody_2020.Do", "{}");
        assertThat(noService.statusCode()).isEqualTo(400);
        assertThat(noService.body()).contains("UnknownOperationException");
    }

    @Test
    void anUnexpectedFailureIsAnInternalFailureWithoutItsDetails() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Crash", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("InternalFailure").doesNotContain("secret internals");
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> response = send(ADMIN, "Greeter_1.Greet", "{\"Name\":\"" + "a".repeat(2000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("RequestEntityTooLargeException");
    }

    @Test
    void theSameOperationsAnswerInRpcV2Cbor() throws Exception {
        CBORMapper cbor = new CBORMapper();
        HttpResponse<byte[]> ok = sendCbor(ADMIN, "Greet", cbor.writeValueAsBytes(Map.of("Name", "Ada")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
        assertThat(cbor.readTree(ok.body()).get("Greeting").asText()).isEqualTo("Hello, Ada");
        assertThat(ok.headers().firstValue("X-Greeter-Language")).hasValue("en");

        HttpResponse<byte[]> invalid = sendCbor(ADMIN, "Greet", cbor.writeValueAsBytes(Map.of("Name", "")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(cbor.readTree(invalid.body()).get("__type").asText()).isEqualTo("com.example.greeter#ValidationException");
        assertThat(invalid.headers().firstValue("X-Greeter-Language")).isEmpty();

        HttpResponse<byte[]> garbage = sendCbor(ADMIN, "Greet", new byte[] {(byte) 0xff, 0x00, 0x13});
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(cbor.readTree(garbage.body()).get("__type").asText())
                .isEqualTo("com.amazon.coral.service#SerializationException");
    }

    private static HttpResponse<byte[]> sendCbor(AccessKey key, String operation, byte[] body)
            throws IOException, InterruptedException {
        URI uri = URI.create(url() + "service/Greeter_1/operation/" + operation);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/cbor").putHeader("smithy-protocol", "rpc-v2-cbor").build();
        return HTTP.send(SignedCalls.signed(key, unsigned, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> send(AccessKey key, String target, String body) throws IOException, InterruptedException {
        return HTTP.send(SignedCalls.json(key, URI.create(url()), target, body), HttpResponse.BodyHandlers.ofString());
    }

    private static String url() {
        return "http://127.0.0.1:" + edge.port() + "/";
    }
}
