package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProxyEventV1Test {

  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(
        List.of(new Route("ANY", "/translations/{id}", "echo", PayloadFormat.V1),
            new Route("GET", "/translations", "echo", PayloadFormat.V1)),
        new TestFunctions().echo("echo"));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void eventDescribesTheRequestAndTheRouteItMatched() {
    HttpResponse<String> response = running.send("PUT", "/translations/7?limit=5", "{\"text\":\"hello\"}",
        "Content-Type", "application/json", "User-Agent", "lingogate-test");
    JsonNode event = RunningGateway.echoedEvent(response);

    assertThat(event.get("resource").asText()).isEqualTo("/translations/{id}");
    assertThat(event.get("path").asText()).isEqualTo("/translations/7");
    assertThat(event.get("httpMethod").asText()).isEqualTo("PUT");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
    assertThat(event.get("queryStringParameters").get("limit").asText()).isEqualTo("5");
    assertThat(event.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
    assertThat(event.get("stageVariables").isNull()).isTrue();
    assertThat(event.get("body").asText()).isEqualTo("{\"text\":\"hello\"}");
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void requestContextNamesStageAccountAndRequest() {
    HttpResponse<String> response = running.get("/translations/7", "User-Agent", "lingogate-test");
    JsonNode context = RunningGateway.echoedEvent(response).get("requestContext");

    assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
    assertThat(context.get("apiId").asText()).isNotBlank();
    assertThat(context.get("resourceId").asText()).hasSize(6);
    assertThat(context.get("resourcePath").asText()).isEqualTo("/translations/{id}");
    assertThat(context.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(context.get("path").asText()).isEqualTo("/Prod/translations/7");
    assertThat(context.get("stage").asText()).isEqualTo("Prod");
    assertThat(context.get("requestId").asText()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(context.get("requestTime").asText())
        .matches(Pattern.compile("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000"));
    assertThat(context.get("requestTimeEpoch").asLong()).isPositive();
    assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(context.get("domainName").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("identity").get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.get("identity").get("userAgent").asText()).isEqualTo("lingogate-test");
  }

  @Test
  void repeatedHeadersAndQueryParametersKeepTheLastValueAndAllValues() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "GET /translations?tag=a&tag=b%20c&flag HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nX-Tag: one\r\nx-tag: two\r\nConnection: close\r\n\r\n");
    JsonNode event = RunningGateway.json(answer.body());

    assertThat(event.get("headers").get("X-Tag").asText()).isEqualTo("two");
    assertThat(event.get("multiValueHeaders").get("X-Tag")).hasSize(2);
    assertThat(event.get("multiValueHeaders").get("X-Tag").get(0).asText()).isEqualTo("one");
    assertThat(event.get("queryStringParameters").get("tag").asText()).isEqualTo("b c");
    assertThat(event.get("multiValueQueryStringParameters").get("tag").get(0).asText()).isEqualTo("a");
    assertThat(event.get("multiValueQueryStringParameters").get("tag").get(1).asText()).isEqualTo("b c");
    assertThat(event.get("queryStringParameters").get("flag").asText()).isEmpty();
  }

  @Test
  void absentMapsAndBodyAreJsonNull() {
    JsonNode event = RunningGateway.echoedEvent(running.get("/translations"));

    assertThat(event.get("queryStringParameters").isNull()).isTrue();
    assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
    assertThat(event.get("pathParameters").isNull()).isTrue();
    assertThat(event.get("stageVariables").isNull()).isTrue();
    assertThat(event.get("body").isNull()).isTrue();
    assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void binaryBodyTravelsAsBase64() {
    HttpResponse<String> response = running.send("POST", "/translations/7", "\u0001PNG",
        "Content-Type", "image/png");
    JsonNode event = RunningGateway.echoedEvent(response);

    assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(new String(Base64.getDecoder().decode(event.get("body").asText()), StandardCharsets.UTF_8))
        .isEqualTo("\u0001PNG");
  }

  @Test
  void textualBodiesTravelAsText() {
    for (String type : List.of("text/plain; charset=utf-8", "application/vnd.api+json", "application/xml",
        "application/x-www-form-urlencoded")) {
      JsonNode event = RunningGateway.echoedEvent(running.send("POST", "/translations/7", "a=b", "Content-Type", type));
      assertThat(event.get("isBase64Encoded").asBoolean()).as(type).isFalse();
      assertThat(event.get("body").asText()).as(type).isEqualTo("a=b");
    }
  }
}
