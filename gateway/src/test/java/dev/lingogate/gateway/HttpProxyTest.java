package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.gateway.integration.HttpProxyTarget;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An http_proxy route in front of a second HTTP service on 127.0.0.1. */
class HttpProxyTest {

  private final Vertx backendVertx = Vertx.vertx();
  private final AtomicInteger backendConnections = new AtomicInteger();
  private HttpServer backend;
  private RunningGateway running;

  /**
   * Answers with what it received as JSON; /slow never answers; /hangup closes the connection
   * unanswered; /huge answers a byte over 10 MB; /chunked answers 26 chunks of 10,000 letters each;
   * /once closes after answering; /status/{n} answers n.
   */
  @BeforeEach
  void startBackend() {
    backend = RunningGateway.await(backendVertx.createHttpServer()
        .connectionHandler(connection -> backendConnections.incrementAndGet())
        .requestHandler(request -> {
      if (request.path().equals("/slow")) {
        return;
      }
      if (request.path().equals("/hangup")) {
        request.connection().close();
        return;
      }
      if (request.path().equals("/huge")) {
        request.response().end(Buffer.buffer(new byte[10 * 1024 * 1024 + 1]));
        return;
      }
      if (request.path().equals("/chunked")) {
        request.response().setChunked(true);
        for (char letter = 'a'; letter <= 'z'; letter++) {
          request.response().write(String.valueOf(letter).repeat(10_000));
        }
        request.response().end();
        return;
      }
      if (request.path().equals("/once")) {
        request.response().putHeader("connection", "close").end("bye");
        return;
      }
      request.body().onSuccess(body -> {
        ObjectNode seen = TestFunctions.JSON.createObjectNode();
        seen.put("method", request.method().name());
        seen.put("uri", request.uri());
        seen.put("body", body.toString());
        ObjectNode headers = seen.putObject("headers");
        request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
        int status = request.path().startsWith("/status/") ? Integer.parseInt(request.path().substring(8)) : 200;
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
            .putHeader("x-backend", "yes").putHeader("connection", "keep-alive").end(seen.toString());
      });
    }).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    RunningGateway.await(backendVertx.close());
  }

  private void startGateway(ApiKind kind, Route... routes) {
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(kind), List.of(routes), new TestFunctions());
  }

  private String backendUrl(String path) {
    return "http://127.0.0.1:" + backend.actualPort() + path;
  }

  @Test
  void greedyPathIsSubstitutedAndMethodQueryHeadersAndBodyGoOn() {
    startGateway(ApiKind.REST,
        Route.httpProxy("ANY", "/files/{proxy+}", new HttpProxyTarget(backendUrl("/store/{proxy}")), PayloadFormat.V1));

    HttpResponse<String> response = running.send("PUT", "/files/a%20b/c.txt?v=1&v=2", "content",
        "Content-Type", "text/plain", "X-Trace", "t1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-backend")).hasValue("yes");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    JsonNode seen = RunningGateway.json(response.body());
    assertThat(seen.get("method").asText()).isEqualTo("PUT");
    assertThat(seen.get("uri").asText()).isEqualTo("/store/a%20b/c.txt?v=1&v=2");
    assertThat(seen.get("body").asText()).isEqualTo("content");
    assertThat(seen.at("/headers/x-trace").asText()).isEqualTo("t1");
    assertThat(seen.at("/headers/content-type").asText()).isEqualTo("text/plain");
    assertThat(seen.at("/headers/host").asText()).isEqualTo("127.0.0.1:" + backend.actualPort());
  }

  @Test
  void forwardedHeadersNameTheClientProtocolAndPort() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/echo", new HttpProxyTarget(backendUrl("/echo")), PayloadFormat.V1));

    JsonNode seen = RunningGateway.json(running.get("/echo", "X-Forwarded-For", "203.0.113.9").body());

    assertThat(seen.at("/headers/x-forwarded-for").asText()).isEqualTo("203.0.113.9, 127.0.0.1");
    assertThat(seen.at("/headers/x-forwarded-proto").asText()).isEqualTo("http");
    assertThat(seen.at("/headers/x-forwarded-port").asText()).isEqualTo(Integer.toString(running.port()));
  }

  @Test
  void aHeaderTheClientsConnectionHeaderNamesIsNotForwarded() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/echo", new HttpProxyTarget(backendUrl("/echo")), PayloadFormat.V1));

    RawHttp.Answer answer = RawHttp.exchange(running.port(), "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Connection: keep-alive, X-Private\r\nX-Private: hop\r\nX-Public: end\r\nConnection: close\r\n\r\n");

    JsonNode seen = RunningGateway.json(answer.body());
    assertThat(seen.at("/headers/x-public").asText()).isEqualTo("end");
    assertThat(seen.at("/headers").has("x-private")).isFalse();
    assertThat(seen.at("/headers").has("connection")).isFalse();
  }

  @Test
  void theServicesStatusAndHopByHopHeadersAreHandledAsAProxyShould() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/status/{code}", new HttpProxyTarget(backendUrl("/status/{code}")), PayloadFormat.V1));

    HttpResponse<String> response = running.get("/status/418");

    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIs504EndpointRequestTimedOut() {
    startGateway(ApiKind.REST, Route.httpProxy("GET", "/slow",
        new HttpProxyTarget(backendUrl("/slow"), null, Duration.ofMillis(300)), PayloadFormat.V1));

    HttpResponse<String> response = running.get("/slow");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
  }

  @Test
  void aRequestOnAReusedConnectionTimesOutByItsOwnDeadline() throws Exception {
    startGateway(ApiKind.REST, Route.httpProxy("GET", "/{proxy+}",
        new HttpProxyTarget(backendUrl("/{proxy}"), null, Duration.ofMillis(600)), PayloadFormat.V1));

    assertThat(running.get("/echo").statusCode()).isEqualTo(200);
    // The connection's deadline timer, set for /echo, fires while /slow waits: it must look again, not give up.
    Thread.sleep(300);
    HttpResponse<String> slow = running.get("/slow");

    assertThat(slow.statusCode()).isEqualTo(504);
    assertThat(backendConnections.get()).isEqualTo(1);
  }

  @Test
  void aServiceThatCannotBeReachedIs500InARestApiAnd503InAnHttpApi() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpProxyTarget nowhere = new HttpProxyTarget("http://127.0.0.1:" + closedPort + "/");
    startGateway(ApiKind.REST, Route.httpProxy("GET", "/gone", nowhere, PayloadFormat.V1));
    HttpResponse<String> rest = running.get("/gone");
    running.close();
    startGateway(ApiKind.HTTP, Route.httpProxy("GET", "/gone", nowhere, PayloadFormat.V2));
    HttpResponse<String> http = running.get("/gone");

    assertThat(rest.statusCode()).isEqualTo(500);
    assertThat(rest.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(http.statusCode()).isEqualTo(503);
    assertThat(http.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
  }

  @Test
  void connectionsToTheServiceAreKeptAliveAndReused() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/echo", new HttpProxyTarget(backendUrl("/echo")), PayloadFormat.V1));

    for (int i = 0; i < 20; i++) {
      assertThat(running.get("/echo").statusCode()).isEqualTo(200);
    }

    assertThat(backendConnections.get()).isLessThanOrEqualTo(GatewayOptions.defaults().eventLoops());
  }

  @Test
  void aServiceThatClosesItsConnectionAfterAnsweringIsCalledOnANewOne() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/once", new HttpProxyTarget(backendUrl("/once")), PayloadFormat.V1));

    for (int i = 0; i < 5; i++) {
      HttpResponse<String> response = running.get("/once");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("bye");
    }

    assertThat(backendConnections.get()).isEqualTo(5);
  }

  @Test
  void anHttpsServiceWhoseCertificateIsNotTrustedIsNotCalled() {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("127.0.0.1");
    HttpServer tlsBackend = RunningGateway.await(backendVertx.createHttpServer(new HttpServerOptions()
            .setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
        .requestHandler(request -> request.response().end("secret"))
        .listen(0, "127.0.0.1"));
    startGateway(ApiKind.REST, Route.httpProxy("GET", "/tls",
        new HttpProxyTarget("https://127.0.0.1:" + tlsBackend.actualPort() + "/"), PayloadFormat.V1));

    HttpResponse<String> response = running.get("/tls");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void aServiceThatHangsUpWithoutAnsweringIs500() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/hangup", new HttpProxyTarget(backendUrl("/hangup")), PayloadFormat.V1));

    HttpResponse<String> response = running.get("/hangup");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void anAnswerThatComesInManyChunksIsPassedOnWhole() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/chunked", new HttpProxyTarget(backendUrl("/chunked")), PayloadFormat.V1));

    StringBuilder expected = new StringBuilder();
    for (char letter = 'a'; letter <= 'z'; letter++) {
      expected.append(String.valueOf(letter).repeat(10_000));
    }
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> response = running.get("/chunked");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(expected.toString());
      assertThat(response.headers().firstValue("content-length")).hasValue("260000");
    }
  }

  @Test
  void anAnswerOverApiGatewaysTenMegabytesIsNotPassedOn() {
    startGateway(ApiKind.REST,
        Route.httpProxy("GET", "/huge", new HttpProxyTarget(backendUrl("/huge")), PayloadFormat.V1));

    HttpResponse<String> response = running.get("/huge");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }
}
