package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.Throttle;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThrottlingTest {

  private static final double HARDLY_EVER = 0.0001;
  private static final String TOO_MANY = "{\"message\":\"Too Many Requests\"}";

  private RunningGateway running;

  @AfterEach
  void stop() {
    running.close();
  }

  private void start(List<MethodThrottle> settings) {
    running = new RunningGateway(GatewayOptions.defaults(),
        List.of(new Route("GET", "/translations", "echo", PayloadFormat.V1),
            new Route("POST", "/translations", "echo", PayloadFormat.V1),
            new Route("GET", "/languages", "echo", PayloadFormat.V1)),
        ApiSettings.none().withMethodThrottling(settings), new TestFunctions().echo("echo"));
  }

  @Test
  void stageThrottlingRefusesPastTheBurstWith429AndRetryAfter() {
    start(List.of(MethodThrottle.stage(new Throttle(HARDLY_EVER, 2))));
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
    HttpResponse<String> throttled = running.get("/languages");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.body()).isEqualTo(TOO_MANY);
    assertThat(throttled.headers().firstValue("retry-after")).isPresent();
  }

  @Test
  void stageThrottlingGivesEachMethodItsOwnBucket() {
    start(List.of(MethodThrottle.stage(new Throttle(HARDLY_EVER, 1))));
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
    assertThat(running.get("/translations").statusCode()).isEqualTo(200);
    assertThat(running.send("POST", "/translations", "{}").statusCode()).isEqualTo(200);
    assertThat(running.get("/translations").statusCode()).isEqualTo(429);
  }

  @Test
  void methodSettingOverridesTheStageSetting() {
    start(List.of(MethodThrottle.stage(new Throttle(HARDLY_EVER, 1)),
        new MethodThrottle("/translations", "POST", new Throttle(HARDLY_EVER, 3))));
    for (int i = 0; i < 3; i++) {
      assertThat(running.send("POST", "/translations", "{}").statusCode()).isEqualTo(200);
    }
    assertThat(running.send("POST", "/translations", "{}").statusCode()).isEqualTo(429);
  }

  @Test
  void tokensComeBackAtTheRate() throws InterruptedException {
    start(List.of(MethodThrottle.stage(new Throttle(20, 1))));
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
    Thread.sleep(200);
    assertThat(running.get("/languages").statusCode()).isEqualTo(200);
  }
}
