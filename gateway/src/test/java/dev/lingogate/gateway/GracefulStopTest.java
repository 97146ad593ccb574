package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.integration.FunctionOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void stopWaitsForRequestsUnderWayAndThenRefusesConnections() throws Exception {
    CompletableFuture<FunctionOutcome> answer = new CompletableFuture<>();
    CountDownLatch invoked = new CountDownLatch(1);
    TestFunctions functions = new TestFunctions().with("slow", event -> {
      invoked.countDown();
      return answer;
    });
    Vertx vertx = Vertx.vertx();
    Gateway gateway = new Gateway(vertx, GatewayOptions.defaults().withPort(0),
        List.of(new Route("GET", "/slow", "slow", PayloadFormat.V1)), functions);
    try {
      RunningGateway.await(gateway.start());
      int port = gateway.port();
      CompletableFuture<RawHttp.Answer> inFlight = CompletableFuture.supplyAsync(() -> RawHttp.exchange(port,
          "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
      assertThat(invoked.await(10, TimeUnit.SECONDS)).isTrue();

      Future<Void> stopped = gateway.stop();
      assertThat(stopped.isComplete()).isFalse();
      answer.complete(new FunctionOutcome.Returned("{\"statusCode\":200,\"body\":\"done\"}"
          .getBytes(StandardCharsets.UTF_8)));

      RawHttp.Answer response = inFlight.get(10, TimeUnit.SECONDS);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("done");
      RunningGateway.await(stopped);
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    } finally {
      RunningGateway.await(vertx.close());
    }
  }
}
