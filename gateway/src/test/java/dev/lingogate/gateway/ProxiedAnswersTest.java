package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.gateway.integration.HttpProxyTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers no HTTP server library would write, from a service on a plain socket behind an
 * http_proxy route: each ends in the answer a proxy should give, and a connection whose answer
 * cannot be trusted to have ended where it seems is not used again.
 */
class ProxiedAnswersTest {

  /** What the service writes for a path, and whether it closes the connection after it. */
  private record Answer(String bytes, boolean thenClose) {}

  private static final Map<String, Answer> ANSWERS = Map.of(
      "/ok", new Answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false),
      "/head", new Answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Kind: head\r\n\r\n", false),
      "/folded", new Answer("HTTP/1.1 200 OK\r\nX-A: one\r\n two\r\nContent-Length: 2\r\n\r\nok", false),
      "/split", new Answer("HTTP/1.1 200 OK\r\nX-A: one\rSet-Cookie: x=1\r\nContent-Length: 2\r\n\r\nok", false),
      "/until-close", new Answer("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it", true),
      "/early-hints", new Answer("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
          + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal", false),
      "/extra", new Answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nforged", false),
      "/connection-option", new Answer("HTTP/1.1 200 OK\r\nConnection: X-Hop\r\nX-Hop: secret\r\nX-Kept: yes\r\n"
          + "Content-Length: 2\r\n\r\nok", false),
      "/smuggle", new Answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\nchunk\r\n0\r\n\r\n", false));

  private ServerSocket service;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private RunningGateway running;

  @BeforeEach
  void startService() throws IOException {
    service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      try {
        while (true) {
          Socket connection = service.accept();
          connections.add(connection);
          Thread server = new Thread(() -> serve(connection));
          server.setDaemon(true);
          server.start();
        }
      } catch (IOException closed) {
        // the test is over
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Reads each request's head (the gateway sends bodiless requests here) and writes the path's answer. */
  private static void serve(Socket connection) {
    try (connection; InputStream in = connection.getInputStream()) {
      String head;
      while ((head = readHead(in)) != null) {
        Answer answer = ANSWERS.get(head.split(" ")[1]);
        connection.getOutputStream().write(answer.bytes.getBytes(StandardCharsets.ISO_8859_1));
        if (answer.thenClose) {
          return;
        }
      }
    } catch (IOException closed) {
      // the gateway or the test closed it
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @AfterEach
  void stop() throws IOException {
    if (running != null) {
      running.close();
    }
    service.close();
    for (Socket connection : connections) {
      connection.close();
    }
  }

  private void startGateway(ApiKind kind) {
    // A short timeout, so an answer whose end the gateway missed fails the test quickly instead of hanging.
    HttpProxyTarget target = new HttpProxyTarget("http://127.0.0.1:" + service.getLocalPort() + "/{proxy}", null,
        Duration.ofSeconds(3));
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(kind).withEventLoops(1),
        List.of(Route.httpProxy("ANY", "/{proxy+}", target, kind == ApiKind.REST ? PayloadFormat.V1 : PayloadFormat.V2)),
        new TestFunctions());
  }

  @Test
  void theAnswerToAHeadRequestEndsWithItsHeadAndItsConnectionCarriesTheNext() {
    startGateway(ApiKind.REST);

    HttpResponse<String> head = running.send("HEAD", "/head", null);
    HttpResponse<String> next = running.get("/ok");

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("x-kind")).hasValue("head");
    assertThat(next.body()).isEqualTo("ok");
    assertThat(connections).hasSize(1);
  }

  @Test
  void aFoldedHeaderIs500InARestApiAnd503InAnHttpApiAndItsConnectionIsNotUsedAgain() {
    startGateway(ApiKind.REST);
    HttpResponse<String> rest = running.get("/folded");
    HttpResponse<String> after = running.get("/ok");
    running.close();
    startGateway(ApiKind.HTTP);
    HttpResponse<String> http = running.get("/folded");

    assertThat(rest.statusCode()).isEqualTo(500);
    assertThat(rest.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(after.body()).isEqualTo("ok");
    assertThat(http.statusCode()).isEqualTo(503);
    assertThat(http.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    assertThat(connections).hasSize(3);
  }

  @Test
  void aCarriageReturnInsideAHeaderValueDoesNotSplitTheClientsAnswer() {
    startGateway(ApiKind.REST);

    HttpResponse<String> response = running.get("/split");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("set-cookie")).isEmpty();
  }

  @Test
  void anAnswerThatRunsUntilTheServiceClosesIsPassedOnWhole() {
    startGateway(ApiKind.REST);

    HttpResponse<String> response = running.get("/until-close");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("all of it");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/plain");
  }

  @Test
  void anInterimAnswerIsReadPastToTheFinalOne() {
    startGateway(ApiKind.REST);

    HttpResponse<String> response = running.get("/early-hints");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("final");
    assertThat(response.headers().firstValue("link")).isEmpty();
  }

  @Test
  void bytesAfterTheAnswerAreNeverTakenForTheNextRequestsAnswer() {
    startGateway(ApiKind.REST);

    HttpResponse<String> first = running.get("/extra");
    HttpResponse<String> second = running.get("/ok");

    assertThat(first.body()).isEqualTo("ok");
    assertThat(second.body()).isEqualTo("ok");
    assertThat(connections).hasSize(2);
  }

  @Test
  void aTransferEncodingOverridesAContentLengthAndItsConnectionIsNotUsedAgain() {
    startGateway(ApiKind.REST);

    HttpResponse<String> first = running.get("/smuggle");
    HttpResponse<String> second = running.get("/ok");

    assertThat(first.body()).isEqualTo("chunk");
    assertThat(second.body()).isEqualTo("ok");
    assertThat(connections).hasSize(2);
  }

  @Test
  void aHeaderTheServicesConnectionHeaderNamesIsNotPassedOn() {
    startGateway(ApiKind.REST);

    HttpResponse<String> response = running.get("/connection-option");

    assertThat(response.body()).isEqualTo("ok");
    assertThat(response.headers().firstValue("x-kept")).hasValue("yes");
    assertThat(response.headers().firstValue("x-hop")).isEmpty();
  }
}
