package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients that are slow on purpose must not hold the gateway's connections. */
class SlowClientsTest {

  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(GatewayOptions.defaults()
        .withTimeouts(Duration.ofMillis(800), Duration.ofMillis(500)),
        List.of(new Route("GET", "/hello", "hello", PayloadFormat.V1)),
        new TestFunctions().answering("hello", "{\"statusCode\":200,\"body\":\"hi\"}"));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void clientTricklingItsHeadersIsCutOffAtTheHeaderDeadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      OutputStream out = socket.getOutputStream();
      byte[] head = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
      boolean cutOff = false;
      // One byte every 100 ms: never idle, never done. The deadline is 500 ms.
      for (int i = 0; i < 60 && !cutOff; i++) {
        try {
          out.write(head[Math.min(i, head.length - 1)]);
          out.flush();
          Thread.sleep(100);
        } catch (SocketException closed) {
          cutOff = true;
        }
      }
      if (!cutOff) {
        socket.setSoTimeout(1_000);
        cutOff = socket.getInputStream().read() == -1;
      }
      assertThat(cutOff).isTrue();
    }
  }

  @Test
  void silentConnectionIsClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void keptAliveConnectionServesRequestsThatComeInTime() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        RawHttp.Answer answer = RawHttp.read(in);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hi");
        Thread.sleep(200);
      }
    }
  }

  @Test
  void tooManyHeadersAre431() {
    StringBuilder request = new StringBuilder("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 1_000; i++) {
      request.append("X-H").append(i).append(": v\r\n");
    }
    RawHttp.Answer answer = RawHttp.exchange(running.port(), request.append("\r\n").toString());

    assertThat(answer.status()).isEqualTo(431);
  }

  @Test
  void slowClientDoesNotKeepOthersWaiting() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", running.port())) {
      slow.getOutputStream().write("GET /hel".getBytes(StandardCharsets.ISO_8859_1));
      slow.getOutputStream().flush();

      assertThat(running.get("/hello").body()).isEqualTo("hi");
    }
  }
}
