package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.http.NetworkTransport;
import io.vertx.core.VertxOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The choice of the event loops' kernel interface, and the gateway answering on each one this machine has. */
class NetworkTransportTest {

  @Test
  void autoTakesTheFirstAvailableOfIoUringEpollAndNio() {
    NetworkTransport expected = Arrays.stream(NetworkTransport.values()).filter(NetworkTransport::available)
        .findFirst().orElseThrow();
    assertThat(NetworkTransport.named("auto")).isEqualTo(expected).isEqualTo(NetworkTransport.fastestAvailable());
  }

  @Test
  void namesAreTakenInAnyCase() {
    assertThat(NetworkTransport.named("NIO")).isEqualTo(NetworkTransport.NIO);
    assertThat(NetworkTransport.NIO).hasToString("nio");
    assertThat(NetworkTransport.IO_URING).hasToString("io_uring");
  }

  @Test
  void anUnknownNameIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> NetworkTransport.named("kqueue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown network transport 'kqueue': choose auto, io_uring, epoll or nio");
  }

  @ParameterizedTest
  @EnumSource(NetworkTransport.class)
  void aTransportThisMachineLacksIsRefusedSayingWhyElseTheGatewayAnswersOnIt(NetworkTransport transport) {
    if (!transport.available()) {
      assertThatThrownBy(() -> NetworkTransport.named(transport.toString()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("network transport " + transport + " cannot run here: ");
      return;
    }
    assertThat(NetworkTransport.named(transport.toString())).isEqualTo(transport);
    try (RunningGateway running = new RunningGateway(transport.vertx(new VertxOptions()), GatewayOptions.defaults(),
        List.of(new Route("GET", "/hello", "hello", PayloadFormat.V1)), ApiSettings.none(),
        new TestFunctions().echo("hello"))) {
      assertThat(running.get("/hello?on=" + transport).statusCode()).isEqualTo(200);
    }
  }
}
