package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.gateway.integration.FunctionOutcome;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

  private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private RunningGateway running;

  @AfterEach
  void stop() {
    running.close();
  }

  private void start() {
    running = new RunningGateway(GatewayOptions.defaults().withAdminPort(0),
        List.of(new Route("GET", "/translations/{id}", "echo", PayloadFormat.V1),
            new Route("GET", "/broken", "broken", PayloadFormat.V1)),
        new TestFunctions().echo("echo").with("broken",
            event -> CompletableFuture.completedFuture(new FunctionOutcome.Failed("Crash", "boom"))));
  }

  private HttpResponse<String> admin(String path) {
    return RunningGateway.sendTo(running.gateway.adminPort(), "GET", path);
  }

  private static String traceParentSeenByFunction(HttpResponse<String> response) {
    return RunningGateway.echoedEvent(response).get("headers").get("traceparent").asText();
  }

  @Test
  void metricsCountRequestsErrorsAndLatenciesPerRoute() {
    start();
    running.get("/translations/1");
    running.get("/translations/2");
    running.get("/broken");
    running.get("/nowhere");

    RunningGateway.eventually(() -> admin("/metrics").body().contains("gateway_4xx_errors_total{route=\"none\"}"));
    HttpResponse<String> metrics = admin("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("gateway_requests_total{route=\"GET /translations/{id}\"} 2.0")
        .contains("gateway_latency_seconds_count{route=\"GET /translations/{id}\"} 2")
        .contains("gateway_integration_latency_seconds_count{function=\"echo\",route=\"GET /translations/{id}\"} 2")
        .contains("gateway_5xx_errors_total{route=\"GET /broken\"} 1.0")
        .contains("gateway_4xx_errors_total{route=\"none\"} 1.0");
  }

  @Test
  void adminPortAnswersNothingButMetrics() {
    start();
    HttpResponse<String> answer = admin("/translations/1");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void clientsTraceParentReachesTheFunction() {
    start();
    assertThat(traceParentSeenByFunction(running.get("/translations/1", "traceparent", TRACE))).isEqualTo(TRACE);
  }

  @Test
  void requestWithoutTraceParentStartsANewTrace() {
    start();
    String first = traceParentSeenByFunction(running.get("/translations/1"));
    String second = traceParentSeenByFunction(running.get("/translations/1"));
    assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(first.substring(3, 35)).isNotEqualTo(second.substring(3, 35));
  }

  @Test
  void malformedTraceParentIsReplacedByANewOne() {
    start();
    String seen = traceParentSeenByFunction(running.get("/translations/1", "traceparent",
        "00-00000000000000000000000000000000-b7ad6b7169203331-01"));
    assertThat(seen).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("0".repeat(32));
  }
}
