package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebPageTest {

  private static final String NOT_FOUND = "{\"message\":\"Not Found\"}";

  @TempDir
  Path sandbox;

  private RunningGateway running;

  @BeforeEach
  void start() throws Exception {
    Path web = Files.createDirectories(sandbox.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<h1>Lingogate</h1>");
    Files.writeString(web.resolve("app.js"), "console.log('hi')");
    Files.writeString(web.resolve("style.css"), "h1 {}");
    Files.writeString(web.resolve("logo.svg"), "<svg/>");
    Files.write(web.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
    Files.writeString(sandbox.resolve("secret.txt"), "do not serve");
    Files.createSymbolicLink(web.resolve("escape.txt"), sandbox.resolve("secret.txt"));
    running = new RunningGateway(GatewayOptions.defaults().withWebRoot(web),
        List.of(new Route("GET", "/translations", "echo", PayloadFormat.V1)), new TestFunctions().echo("echo"));
  }

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void rootServesIndexHtml() {
    HttpResponse<String> response = running.get("/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("<h1>Lingogate</h1>");
    assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void assetsCarryTheirContentTypes() {
    assertThat(running.get("/app.js").headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(running.get("/style.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    assertThat(running.get("/logo.svg").headers().firstValue("content-type")).hasValue("image/svg+xml");
    assertThat(running.get("/favicon.ico").headers().firstValue("content-type")).hasValue("image/x-icon");
  }

  @Test
  void headOfAFileAnswersItsHeadersWithoutBody() {
    HttpResponse<String> response = running.send("HEAD", "/app.js", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-length")).hasValue("17");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void routesWinOverTheWebPage() {
    assertThat(running.get("/translations").headers().firstValue("x-function")).hasValue("echo");
  }

  @Test
  void missingFileIsTheUnknownRouteAnswer() {
    HttpResponse<String> response = running.get("/missing.js");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void writingToTheWebPageIsTheUnknownRouteAnswer() {
    assertThat(running.send("POST", "/index.html", "x").statusCode()).isEqualTo(403);
  }

  @Test
  void dotDotSegmentsAreRefusedWith404() {
    assertRefused("/../secret.txt");
    assertRefused("/css/../../secret.txt");
  }

  @Test
  void encodedDotDotSegmentsAreRefusedWith404() {
    assertRefused("/%2e%2e/secret.txt");
    assertRefused("/%2E%2E%2Fsecret.txt");
    assertRefused("/..%2fsecret.txt");
    assertRefused("/%252e%252e/secret.txt");
  }

  @Test
  void backslashesAreRefusedWith404() {
    assertRefused("/..\\secret.txt");
    assertRefused("/%5c..%5csecret.txt");
  }

  @Test
  void symlinkOutOfTheRootIsRefusedWith404() {
    assertRefused("/escape.txt");
  }

  private void assertRefused(String rawPath) {
    RawHttp.Answer answer = RawHttp.exchange(running.port(),
        "GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).as(rawPath).isEqualTo(404);
    assertThat(answer.body()).as(rawPath).isEqualTo(NOT_FOUND).doesNotContain("do not serve");
    assertThat(answer.header("content-type")).as(rawPath).isEqualTo("application/json");
  }
}
