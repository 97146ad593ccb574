package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's front door as a template sets it up: API keys made with {@code lingogate api-keys}
 * while the stack runs, the usage plan's quota, a method's throttling, CORS, the access log in the
 * stage's format and the metrics endpoint, all through real HTTP on 127.0.0.1.
 */
class ApiFrontDoorTest {

    @TempDir
    static Path dir;

    static Path template;
    static RunningStack stack;

    @BeforeAll
    static void start() throws IOException {
        String code = Path.of("target/test-classes").toAbsolutePath().toString();
        template = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: v1
                      Cors:
                        AllowOrigin: "'https://app.example.com'"
                        AllowHeaders: "'Content-Type,X-Api-Key'"
                      Auth:
                        ApiKeyRequired: true
                        AddApiKeyRequiredToCorsPreflight: false
                        UsagePlan:
                          CreateUsagePlan: PER_API
                          Quota: {Limit: 3, Period: DAY}
                      MethodSettings:
                        - {ResourcePath: "/~1throttled", HttpMethod: GET, ThrottlingRateLimit: 0.01, ThrottlingBurstLimit: 1}
                      AccessLogSetting:
                        Format: $context.httpMethod $context.resourcePath $context.status
                  EchoFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.lingogate.stack.e2e.functions.Echo::handleRequest
                      Runtime: java17
                      CodeUri: %s
                      MemorySize: 256
                      Events:
                        Guarded: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /guarded, Method: get}}
                        Open:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /open, Method: get, Auth: {ApiKeyRequired: false}}
                        Throttled:
                          Type: Api
                          Properties: {RestApiId: !Ref Api, Path: /throttled, Method: get, Auth: {ApiKeyRequired: false}}
                """.formatted(code));
        stack = RunningStack.start(template, dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aRouteThatNeedsAKeyRefusesACallerWithoutOne() {
        HttpResponse<String> response = stack.get("/guarded");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void aKeyMadeWhileTheStackRunsIsAcceptedUntilItsQuotaIsSpent() throws InterruptedException {
        JsonNode key = apiKeys("create", "--name", "quota-test", "--template", template.toString());
        assertThat(key.get("usagePlanIds")).extracting(JsonNode::asText).containsExactly("ApiUsagePlan");
        String value = key.get("value").asText();

        assertThat(awaitAccepted(value).statusCode()).isEqualTo(200);
        assertThat(guarded(value).statusCode()).isEqualTo(200);
        assertThat(guarded(value).statusCode()).isEqualTo(200);
        HttpResponse<String> spent = guarded(value);

        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat(spent.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    }

    @Test
    void aDeletedKeyIsRefusedAgain() throws InterruptedException {
        JsonNode key = apiKeys("create", "--name", "revoked", "--value", "a-value-chosen-by-its-owner-01",
                "--usage-plan", "ApiUsagePlan");
        assertThat(awaitAccepted("a-value-chosen-by-its-owner-01").statusCode()).isEqualTo(200);

        apiKeys("delete", key.get("id").asText());

        long deadline = System.nanoTime() + 10_000_000_000L;
        // Until the gateway sees the deletion the key still counts against its quota: 200, then 429.
        while (guarded("a-value-chosen-by-its-owner-01").statusCode() != 403 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(guarded("a-value-chosen-by-its-owner-01").statusCode()).isEqualTo(403);
    }

    @Test
    void aRouteThatOptsOutOfKeysIsOpenAndCarriesTheCorsOrigin() {
        HttpResponse<String> response = stack.send(HttpRequest.newBuilder(stack.gateway("/open"))
                .header("Origin", "https://app.example.com").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"path\":\"/open\"}");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
    }

    @Test
    void aBrowsersPreflightIsAnsweredWithoutAKey() {
        HttpResponse<String> response = stack.send(HttpRequest.newBuilder(stack.gateway("/guarded"))
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type,X-Api-Key");
    }

    @Test
    void aMethodOverItsThrottleIsTooManyRequests() {
        assertThat(stack.get("/throttled").statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = stack.get("/throttled");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void eachRequestIsWrittenToTheAccessLogInTheStagesFormatAndCounted() throws Exception {
        stack.get("/open");

        Path log = dir.resolve("data/logs/access.log");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(log) && Files.readString(log).contains("GET /open 200")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("GET /open 200");
        HttpResponse<String> metrics = stack.send(HttpRequest.newBuilder(stack.metrics()).GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("gateway_requests_total");
    }

    private HttpResponse<String> guarded(String key) {
        return stack.send(HttpRequest.newBuilder(stack.gateway("/guarded")).header("x-api-key", key).GET());
    }

    /** A key made in another process is seen within a second or two: until then it is unknown. */
    private HttpResponse<String> awaitAccepted(String key) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        HttpResponse<String> response = guarded(key);
        while (response.statusCode() == 403 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = guarded(key);
        }
        return response;
    }

    /** Runs {@code lingogate api-keys ARGUMENTS --data-dir <the stack's>} as a person would; its JSON output. */
    private static JsonNode apiKeys(String... arguments) {
        List<String> line = new ArrayList<>(List.of("api-keys"));
        line.addAll(List.of(arguments));
        line.add("--data-dir=" + dir.resolve("data"));

        CommandRun run = CommandRun.of(line.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return run.out().isBlank() ? null : new ObjectMapper().readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.out(), e);
        }
    }
}
