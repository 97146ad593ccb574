package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {

  private static final List<Route> ROUTES = List.of(new Route("GET", "/translations/{id}", "echo", PayloadFormat.V1));

  private final Logger accessLogger = (Logger) LoggerFactory.getLogger("dev.lingogate.gateway.access");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private RunningGateway running;

  @BeforeEach
  void listen() {
    lines.start();
    accessLogger.addAppender(lines);
  }

  @AfterEach
  void stop() {
    running.close();
    accessLogger.detachAppender(lines);
  }

  /** The line is written when the response has gone out, which may be just after the client has read it. */
  private JsonNode line(int index) {
    RunningGateway.eventually(() -> lines.list.size() > index);
    return RunningGateway.json(lines.list.get(index).getFormattedMessage());
  }

  @Test
  void everyRequestLeavesOneJsonLineInContextVariables() {
    running = new RunningGateway(ROUTES, new TestFunctions().echo("echo"));
    HttpResponse<String> found = running.get("/translations/7");
    HttpResponse<String> refused = running.send("DELETE", "/nowhere", null);

    JsonNode first = line(0);
    assertThat(first.get("requestId").asText()).isEqualTo(found.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(first.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(first.get("path").asText()).isEqualTo("/translations/7");
    assertThat(first.get("routeKey").asText()).isEqualTo("GET /translations/{id}");
    assertThat(first.get("status").asText()).isEqualTo("200");
    assertThat(first.get("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(first.get("protocol").asText()).isEqualTo("HTTP/1.1");
    assertThat(first.get("responseLength").asLong()).isPositive();
    assertThat(first.get("integrationLatency").asText()).matches("\\d+");
    assertThat(first.get("requestTime").asText()).matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");

    JsonNode second = line(1);
    assertThat(second.get("requestId").asText()).isEqualTo(refused.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(second.get("status").asText()).isEqualTo("403");
    assertThat(second.get("routeKey").asText()).isEqualTo("-");
    assertThat(second.get("integrationLatency").asText()).isEqualTo("-");
  }

  @Test
  void stageFormatIsFollowedWithValuesEscapedAndUnknownVariablesAsDash() {
    running = new RunningGateway(GatewayOptions.defaults().withAccessLogFormat(
        "{\"who\":\"$context.identity.userAgent\",\"what\":\"$context.resourcePath\",\"odd\":\"$context.wafResponseCode\"}"),
        ROUTES, new TestFunctions().echo("echo"));
    running.get("/translations/7", "User-Agent", "quote\" and backslash\\");

    JsonNode line = line(0);
    assertThat(line.get("who").asText()).isEqualTo("quote\" and backslash\\");
    assertThat(line.get("what").asText()).isEqualTo("/translations/{id}");
    assertThat(line.get("odd").asText()).isEqualTo("-");
  }
}
