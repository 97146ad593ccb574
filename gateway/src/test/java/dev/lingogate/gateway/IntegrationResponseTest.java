package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.gateway.integration.FunctionOutcome;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntegrationResponseTest {

  private RunningGateway running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  private HttpResponse<String> call(PayloadFormat format, TestFunctions functions) {
    running = new RunningGateway(GatewayOptions.defaults().withIntegrationTimeout(Duration.ofMillis(300)),
        List.of(new Route("ANY", "/f", "f", format)), functions);
    return running.get("/f");
  }

  private HttpResponse<String> answeredV1(String payload) {
    return call(PayloadFormat.V1, new TestFunctions().answering("f", payload));
  }

  private HttpResponse<String> answeredV2(String payload) {
    return call(PayloadFormat.V2, new TestFunctions().answering("f", payload));
  }

  private static void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).isEqualTo("{\"message\":\"" + message + "\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void v1AnswerGivesStatusHeadersAndBody() {
    HttpResponse<String> response = answeredV1("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\","
        + "\"ETag\":\"\\\"3\\\"\"},\"body\":\"created\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
    assertThat(response.headers().firstValue("etag")).hasValue("\"3\"");
    assertThat(response.body()).isEqualTo("created");
  }

  @Test
  void v1MultiValueHeadersWinOverSingleValueHeadersOfTheSameName() {
    HttpResponse<String> response = answeredV1("{\"statusCode\":200,\"headers\":{\"x-a\":\"single\",\"x-b\":\"b\"},"
        + "\"multiValueHeaders\":{\"x-a\":[\"one\",\"two\"]},\"body\":\"\"}");
    assertThat(response.headers().allValues("x-a")).containsExactly("one", "two");
    assertThat(response.headers().firstValue("x-b")).hasValue("b");
  }

  @Test
  void v1AnswerWithoutContentTypeIsApplicationJson() {
    HttpResponse<String> response = answeredV1("{\"statusCode\":200,\"body\":\"{}\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void v1Base64BodyIsDecoded() {
    HttpResponse<String> response = answeredV1("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"aGVsbG8=\"}");
    assertThat(response.body()).isEqualTo("hello");
  }

  @Test
  void v1AnswerThatIsNotJsonIs502() {
    assertError(answeredV1("{not json"), 502, "Internal server error");
  }

  @Test
  void v1AnswerWithoutStatusCodeIs502() {
    assertError(answeredV1("{\"body\":\"hello\"}"), 502, "Internal server error");
  }

  @Test
  void v1AnswerWithTextualStatusCodeIs502() {
    assertError(answeredV1("{\"statusCode\":\"200\",\"body\":\"hello\"}"), 502, "Internal server error");
  }

  @Test
  void v1AnswerWithObjectBodyIs502() {
    assertError(answeredV1("{\"statusCode\":200,\"body\":{\"a\":1}}"), 502, "Internal server error");
  }

  @Test
  void v1AnswerWithBrokenBase64BodyIs502() {
    assertError(answeredV1("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"***\"}"), 502,
        "Internal server error");
  }

  @Test
  void v1AnswerThatIsAJsonArrayIs502() {
    assertError(answeredV1("[1,2]"), 502, "Internal server error");
  }

  @Test
  void v2AnswerWithStatusCodeIsUsedAsIs() {
    HttpResponse<String> response = answeredV2("{\"statusCode\":404,\"headers\":{\"content-type\":\"application/json\"},"
        + "\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"{\\\"message\\\":\\\"no such translation\\\"}\"}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/", "b=2");
    assertThat(response.body()).isEqualTo("{\"message\":\"no such translation\"}");
  }

  @Test
  void v2AnswerWithoutStatusCodeIsInferredAs200Json() {
    HttpResponse<String> response = answeredV2("{\"translated\":\"hola\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"translated\":\"hola\"}");
  }

  @Test
  void v2AnswerThatIsNotJsonIs500() {
    assertError(answeredV2("hola"), 500, "Internal Server Error");
  }

  @Test
  void v2AnswerWithUnusableStatusCodeIs500() {
    assertError(answeredV2("{\"statusCode\":\"teapot\"}"), 500, "Internal Server Error");
  }

  @Test
  void functionThatFailedIs502() {
    assertError(call(PayloadFormat.V1, new TestFunctions().with("f", event -> CompletableFuture.completedFuture(
        new FunctionOutcome.Failed("java.lang.IllegalStateException", "boom")))), 502, "Internal server error");
  }

  @Test
  void functionThatTimedOutIs504() {
    assertError(call(PayloadFormat.V2, new TestFunctions().with("f", event -> CompletableFuture.completedFuture(
        new FunctionOutcome.TimedOut("Task timed out after 3.00 seconds")))), 504, "Endpoint request timed out");
  }

  @Test
  void functionThatNeverAnswersIs504AfterTheIntegrationTimeout() {
    assertError(call(PayloadFormat.V1, new TestFunctions().with("f", event -> new CompletableFuture<>())),
        504, "Endpoint request timed out");
  }

  @Test
  void throttledFunctionIs500AsApiGatewayAnswersALambdaThrottle() {
    assertError(call(PayloadFormat.V1, new TestFunctions().with("f", event -> CompletableFuture.completedFuture(
        new FunctionOutcome.Throttled("Rate Exceeded.")))), 500, "Internal server error");
  }

  @Test
  void invokerThatThrowsIs500WithoutAStackTrace() {
    HttpResponse<String> response = call(PayloadFormat.V1, new TestFunctions().with("f", event -> {
      throw new IllegalStateException("the function host is gone");
    }));
    assertError(response, 500, "Internal Server Error");
    assertThat(response.body()).doesNotContain("function host");
  }

  @Test
  void invokerAnsweringOnAnotherThreadLateIsStillAnswered() {
    HttpResponse<String> response = call(PayloadFormat.V1, new TestFunctions().with("f", event ->
        CompletableFuture.supplyAsync(() -> new FunctionOutcome.Returned("{\"statusCode\":204}".getBytes()),
            CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS))));
    assertThat(response.statusCode()).isEqualTo(204);
  }
}
