package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogTest {

  private final Logger accessLogger = (Logger) LoggerFactory.getLogger("dev.lingogate.gateway.access");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private RunningGateway running;

  @BeforeEach
  void start() {
    lines.start();
    accessLogger.addAppender(lines);
    running = new RunningGateway(List.of(new Route("GET", "/translations/{id}", "echo", PayloadFormat.V1)),
        new TestFunctions().echo("echo"));
  }

  @AfterEach
  void stop() {
    running.close();
    accessLogger.detachAppender(lines);
  }

  @Test
  void everyRequestLeavesOneLineWithMethodPathStatusLatencyAndRequestId() {
    HttpResponse<String> found = running.get("/translations/7");
    HttpResponse<String> refused = running.send("DELETE", "/nowhere", null);

    assertThat(lines.list).hasSize(2);
    String first = lines.list.get(0).getFormattedMessage();
    String second = lines.list.get(1).getFormattedMessage();
    assertThat(first).matches("GET /translations/7 200 \\d+ms " + found.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(second).matches("DELETE /nowhere 403 \\d+ms " + refused.headers().firstValue("x-amzn-RequestId").orElseThrow());
  }
}
