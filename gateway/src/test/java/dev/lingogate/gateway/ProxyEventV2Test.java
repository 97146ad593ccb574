package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyEventV2Test {

  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(ApiKind.HTTP),
        List.of(new Route("GET", "/translations/{id}", "echo", PayloadFormat.V2),
            new Route("POST", "/translations", "echo", PayloadFormat.V2)),
        new TestFunctions().echo("echo"));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void eventCarriesRouteKeyRawPathAndRawQuery() {
    HttpResponse<String> response = running.get("/translations/7?tag=a&tag=b&q=x%20y", "User-Agent", "lingogate-test");
    JsonNode event = RunningGateway.echoedEvent(response);

    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("GET /translations/{id}");
    assertThat(event.get("rawPath").asText()).isEqualTo("/translations/7");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("tag=a&tag=b&q=x%20y");
    assertThat(event.get("queryStringParameters").get("tag").asText()).isEqualTo("a,b");
    assertThat(event.get("queryStringParameters").get("q").asText()).isEqualTo("x y");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    assertThat(event.has("body")).isFalse();
    assertThat(event.has("cookies")).isFalse();
    assertThat(event.has("stageVariables")).isFalse();
  }

  @Test
  void headersAreLowerCasedAndRepeatedValuesCommaJoined() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "GET /translations/7 HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nX-Tag: one\r\nX-TAG: two\r\nCookie: a=1; b=2\r\nCookie: c=3\r\nConnection: close\r\n\r\n");
    JsonNode event = RunningGateway.json(answer.body());

    assertThat(event.get("headers").get("x-tag").asText()).isEqualTo("one,two");
    assertThat(event.get("headers").has("X-Tag")).isFalse();
    assertThat(event.get("headers").has("cookie")).isFalse();
    assertThat(event.get("cookies")).hasSize(3);
    assertThat(event.get("cookies").get(0).asText()).isEqualTo("a=1");
    assertThat(event.get("cookies").get(2).asText()).isEqualTo("c=3");
  }

  @Test
  void requestContextDescribesTheHttpRequest() {
    HttpResponse<String> response = running.send("POST", "/translations", "{\"text\":\"hi\"}",
        "Content-Type", "application/json", "User-Agent", "lingogate-test");
    JsonNode event = RunningGateway.echoedEvent(response);
    JsonNode context = event.get("requestContext");

    assertThat(event.get("body").asText()).isEqualTo("{\"text\":\"hi\"}");
    assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
    assertThat(context.get("apiId").asText()).isNotBlank();
    assertThat(context.get("domainName").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("domainPrefix").asText()).isEqualTo("127");
    assertThat(context.get("http").get("method").asText()).isEqualTo("POST");
    assertThat(context.get("http").get("path").asText()).isEqualTo("/translations");
    assertThat(context.get("http").get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("http").get("userAgent").asText()).isEqualTo("lingogate-test");
    assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(context.get("routeKey").asText()).isEqualTo("POST /translations");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("time").asText()).endsWith(" +0000");
    assertThat(context.get("timeEpoch").asLong()).isPositive();
  }
}
