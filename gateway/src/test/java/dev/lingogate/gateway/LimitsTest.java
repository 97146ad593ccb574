package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsTest {

  private static final int LIMIT = 1024;
  private static final String TOO_LONG = "{\"message\":\"Request Too Long\"}";

  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(GatewayOptions.defaults().withMaxBodyBytes(LIMIT),
        List.of(new Route("POST", "/upload", "size", PayloadFormat.V2)),
        new TestFunctions().with("size", event -> TestFunctions.returned(
            "{\"statusCode\":200,\"body\":\"" + RunningGateway.json(new String(event, StandardCharsets.UTF_8))
                .get("body").asText().length() + "\"}")));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void bodyAtTheLimitIsAccepted() {
    assertThat(running.send("POST", "/upload", "x".repeat(LIMIT)).body()).isEqualTo(String.valueOf(LIMIT));
  }

  @Test
  void declaredOversizedBodyIsRefusedWith413BeforeItIsSent() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 20000000\r\n\r\n");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).isEqualTo(TOO_LONG);
    assertThat(answer.header("content-type")).isEqualTo("application/json");
    assertThat(answer.header("x-amzn-RequestId")).isNotBlank();
    assertThat(answer.header("connection")).isEqualTo("close");
  }

  @Test
  void chunkedBodyGrowingPastTheLimitIsRefusedWith413() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      String chunk = "x".repeat(600);
      out.write(("258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      RawHttp.Answer answer = RawHttp.read(in);
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).isEqualTo(TOO_LONG);
    }
  }

  @Test
  void expectContinueForAnOversizedBodyIsAnswered413() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
    assertThat(answer.status()).isEqualTo(413);
  }

  @Test
  void expectContinueForABodyWithinTheLimitGetsContinueThenTheAnswer() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] interim = new byte["HTTP/1.1 100 Continue\r\n\r\n".length()];
      assertThat(in.readNBytes(interim, 0, interim.length)).isEqualTo(interim.length);
      assertThat(new String(interim, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 100");
      out.write("hello".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      RawHttp.Answer answer = RawHttp.read(in);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("5");
    }
  }

  @Test
  void malformedHttpIsABadRequest() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "THIS IS NOT HTTP\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Bad Request\"}");
    assertThat(answer.header("x-amzn-RequestId")).isNotBlank();
  }

  @Test
  void malformedContentLengthIsABadRequest() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: lots\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Bad Request\"}");
  }

  @Test
  void malformedQueryStringIsABadRequest() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "POST /upload?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Bad Request\"}");
  }

  @Test
  void overlongRequestLineIs414() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\n\r\n");
    assertThat(answer.status()).isEqualTo(414);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Request-URI Too Long\"}");
  }

  @Test
  void oversizedHeadersAre431() {
    RawHttp.Answer answer = RawHttp.exchange(running.port(), "GET /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "X-Big: " + "b".repeat(10_000) + "\r\n\r\n");
    assertThat(answer.status()).isEqualTo(431);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Request Header Fields Too Large\"}");
  }
}
