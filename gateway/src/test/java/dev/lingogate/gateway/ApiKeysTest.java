package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.admission.ApiKeyFile;
import dev.lingogate.gateway.admission.Quota;
import dev.lingogate.gateway.admission.QuotaPeriod;
import dev.lingogate.gateway.admission.Throttle;
import dev.lingogate.gateway.admission.UsagePlan;
import dev.lingogate.gateway.cors.CorsConfiguration;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

  private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
  /** A rate so slow no token comes back while a test runs: only the burst counts. */
  private static final double HARDLY_EVER = 0.0001;

  @TempDir
  Path keyDirectory;

  private ApiKeyFile keys;
  private RunningGateway running;

  @BeforeEach
  void openKeys() {
    keys = ApiKeyFile.open(keyDirectory);
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  private void start(UsagePlan... plans) {
    start(false, plans);
  }

  private void start(boolean preflightNeedsKey, UsagePlan... plans) {
    running = new RunningGateway(GatewayOptions.defaults(),
        List.of(new Route("GET", "/translations", "echo", PayloadFormat.V1).requiringApiKey(),
            new Route("GET", "/languages", "echo", PayloadFormat.V1)),
        ApiSettings.none().withApiKeys(keys).withUsagePlans(List.of(plans))
            .withCors(new CorsConfiguration(List.of("*"), List.of(), List.of("X-Api-Key"), List.of(), null, false))
            .withApiKeyOnPreflight(preflightNeedsKey),
        new TestFunctions().echo("echo"));
  }

  private HttpResponse<String> preflight(String... apiKeyHeader) {
    List<String> headers = new java.util.ArrayList<>(List.of(
        "Origin", "https://app.example.com", "Access-Control-Request-Method", "GET"));
    headers.addAll(List.of(apiKeyHeader));
    return running.send("OPTIONS", "/translations", null, headers.toArray(String[]::new));
  }

  private ApiKey key(String... plans) {
    ApiKey key = ApiKey.generate("reader", List.of(plans));
    keys.put(key);
    return key;
  }

  private HttpResponse<String> list(ApiKey key) {
    return running.get("/translations", "x-api-key", key.value());
  }

  @Test
  void requestWithoutAKeyIsForbidden() {
    start(new UsagePlan("basic", null, null));
    HttpResponse<String> answer = running.get("/translations");
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void requestWithAnUnknownKeyIsForbidden() {
    start(new UsagePlan("basic", null, null));
    HttpResponse<String> answer = running.get("/translations", "x-api-key", "n".repeat(40));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void disabledKeyIsForbidden() {
    start(new UsagePlan("basic", null, null));
    ApiKey key = key("basic");
    keys.put(key.withEnabled(false));
    assertThat(list(key).statusCode()).isEqualTo(403);
  }

  @Test
  void keyInNoUsagePlanOfTheApiIsForbidden() {
    start(new UsagePlan("basic", null, null));
    HttpResponse<String> answer = list(key("some-other-api-plan"));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void validKeyReachesTheFunctionWhichSeesItsId() {
    start(new UsagePlan("basic", null, null));
    ApiKey key = key("basic");
    HttpResponse<String> answer = list(key);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(RunningGateway.echoedEvent(answer).at("/requestContext/identity/apiKeyId").asText()).isEqualTo(key.id());
    assertThat(RunningGateway.echoedEvent(answer).at("/requestContext/identity/apiKey").asText()).isEqualTo(key.value());
  }

  @Test
  void routeWithoutKeyRequirementNeedsNoKey() {
    start(new UsagePlan("basic", null, null));
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
  }

  @Test
  void corsPreflightNeedsNoKeyWhenTheApiSaysAddApiKeyRequiredToCorsPreflightFalse() {
    start(new UsagePlan("basic", null, null));
    HttpResponse<String> answer = preflight();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("access-control-allow-headers")).contains("X-Api-Key");
  }

  @Test
  void corsPreflightOfAnApiWhoseOptionsNeedAKeyIsForbiddenWithoutOne() {
    start(true, new UsagePlan("basic", null, null));
    HttpResponse<String> answer = preflight();
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).isEqualTo(FORBIDDEN);
  }

  @Test
  void corsPreflightOfAnApiWhoseOptionsNeedAKeyIsAnsweredWithAValidKey() {
    start(true, new UsagePlan("basic", null, null));
    HttpResponse<String> answer = preflight("x-api-key", key("basic").value());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("access-control-allow-origin")).contains("*");
  }

  @Test
  void keyAddedByAnotherProcessWhileRunningIsAccepted() {
    start(new UsagePlan("basic", null, null));
    ApiKey key = ApiKey.imported("cli", "imported-key-0123456789", List.of("basic"));
    ApiKeyFile.open(keyDirectory).put(key);
    assertThat(list(key).statusCode()).isEqualTo(200);
  }

  @Test
  void keyOverItsPlansRateIsThrottledWithRetryAfter() {
    start(new UsagePlan("basic", new Throttle(HARDLY_EVER, 2), null));
    ApiKey key = key("basic");
    assertThat(list(key).statusCode()).isEqualTo(200);
    assertThat(list(key).statusCode()).isEqualTo(200);
    HttpResponse<String> throttled = list(key);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(Long.parseLong(throttled.headers().firstValue("retry-after").orElseThrow())).isPositive();
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    start(new UsagePlan("basic", new Throttle(HARDLY_EVER, 1), null));
    ApiKey first = key("basic");
    ApiKey second = key("basic");
    assertThat(list(first).statusCode()).isEqualTo(200);
    assertThat(list(first).statusCode()).isEqualTo(429);
    assertThat(list(second).statusCode()).isEqualTo(200);
  }

  @Test
  void keyOverItsQuotaIsRefusedWithLimitExceededUntilThePeriodEnds() {
    start(new UsagePlan("basic", null, new Quota(2, QuotaPeriod.DAY)));
    ApiKey key = key("basic");
    assertThat(list(key).statusCode()).isEqualTo(200);
    assertThat(list(key).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = list(key);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    assertThat(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 86_400L);
  }

  @Test
  void routeRequiringAKeyWithoutAKeyStoreIsRefusedAtConstruction() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> new Gateway(vertx, GatewayOptions.defaults(),
          List.of(new Route("GET", "/translations", "echo", PayloadFormat.V1).requiringApiKey()),
          ApiSettings.none(), new TestFunctions()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GET /translations requires an API key");
    } finally {
      RunningGateway.await(vertx.close());
    }
  }

  @Test
  void preflightsRequiringAKeyWithoutAKeyStoreAreRefusedAtConstruction() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> new Gateway(vertx, GatewayOptions.defaults(),
          List.of(new Route("GET", "/translations", "echo", PayloadFormat.V1)),
          ApiSettings.none().withApiKeyOnPreflight(true), new TestFunctions()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("CORS preflights require an API key but no key store was given");
    } finally {
      RunningGateway.await(vertx.close());
    }
  }
}
