package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.gateway.integration.FunctionOutcome;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget for the bodies of all requests under way: one body of the largest size fits, two do
 * not. The function holds its answer until the test lets it go, so a body stays held meanwhile.
 */
class BodyBudgetTest {

  private static final int LIMIT = 1024;
  private static final int BUDGET = 1536;
  private static final String BODY = "x".repeat(1000);
  private static final Pattern HELD = Pattern.compile("gateway_request_body_bytes_held (\\d+)");

  /** The answers the function holds, as they come; every one is let go when the test ends. */
  private final LinkedBlockingQueue<CompletableFuture<FunctionOutcome>> heldAnswers = new LinkedBlockingQueue<>();
  private final List<CompletableFuture<FunctionOutcome>> allHeldAnswers = new CopyOnWriteArrayList<>();
  private RunningGateway running;

  @BeforeEach
  void start() {
    running = new RunningGateway(
        GatewayOptions.defaults().withMaxBodyBytes(LIMIT).withBodyBudgetBytes(BUDGET).withAdminPort(0),
        List.of(new Route("POST", "/held", "held", PayloadFormat.V2),
            new Route("POST", "/upload", "upload", PayloadFormat.V2)),
        new TestFunctions()
            .with("held", event -> {
              CompletableFuture<FunctionOutcome> answer = new CompletableFuture<>();
              heldAnswers.add(answer);
              allHeldAnswers.add(answer);
              return answer;
            })
            .answering("upload", "{\"statusCode\":200,\"body\":\"stored\"}"));
  }

  @AfterEach
  void stop() {
    allHeldAnswers.forEach(answer -> answer.complete(returned()));
    running.close();
  }

  @Test
  void aBodyTheBudgetHasNoRoomForIsRefusedWith429UntilTheHeldOneIsAnswered() throws Exception {
    CompletableFuture<HttpResponse<String>> first = sendAsync("/held", BODY);
    CompletableFuture<FunctionOutcome> firstAnswer = heldAnswers.poll(10, TimeUnit.SECONDS);
    assertThat(firstAnswer).as("the first request reached its function").isNotNull();
    assertThat(bytesHeld()).isEqualTo(BODY.length());

    RawHttp.Answer refused = RawHttp.exchange(running.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: text/plain\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    assertThat(refused.header("retry-after")).isEqualTo("1");
    assertThat(refused.header("connection")).isEqualTo("close");
    assertThat(refused.header("x-amzn-RequestId")).isNotBlank();

    firstAnswer.complete(returned());
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    RunningGateway.eventually(() -> bytesHeld() == 0);
    HttpResponse<String> afterwards = running.send("POST", "/upload", BODY);
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(afterwards.body()).isEqualTo("stored");
  }

  @Test
  void aChunkedBodyStreamingPastTheBudgetIsRefusedWith429() throws Exception {
    sendAsync("/held", BODY);
    assertThat(heldAnswers.poll(10, TimeUnit.SECONDS)).isNotNull();
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.ISO_8859_1));
      String chunk = "y".repeat(300);
      out.write(("12c\r\n" + chunk + "\r\n12c\r\n" + chunk + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      RawHttp.Answer refused = RawHttp.read(socket.getInputStream());
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }
    RunningGateway.eventually(() -> bytesHeld() == BODY.length());
  }

  @Test
  void aClientThatLeavesMidBodyGivesItsShareBack() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + BODY.length() + "\r\n\r\n"
          + BODY.substring(0, 400)).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      RunningGateway.eventually(() -> bytesHeld() == BODY.length());
    }
    RunningGateway.eventually(() -> bytesHeld() == 0);
    assertThat(running.send("POST", "/upload", BODY).statusCode()).isEqualTo(200);
  }

  @Test
  void refusedBodiesTakeNothing() {
    RawHttp.Answer tooLong = RawHttp.exchange(running.port(), "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Length: 5000\r\n\r\n");
    assertThat(tooLong.status()).isEqualTo(413);
    assertThat(running.send("POST", "/upload", BODY).statusCode()).isEqualTo(200);
    RunningGateway.eventually(() -> bytesHeld() == 0);
  }

  @Test
  void aBudgetSmallerThanOneBodyOfTheLargestSizeIsRefused() {
    assertThatThrownBy(() -> GatewayOptions.defaults().withBodyBudgetBytes(GatewayOptions.TEN_MEGABYTES - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bodyBudgetBytes must be at least maxBodyBytes");
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.port() + path))
        .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private long bytesHeld() {
    String metrics = RunningGateway.sendTo(running.gateway.adminPort(), "GET", "/metrics").body();
    Matcher held = HELD.matcher(metrics);
    if (!held.find()) {
      throw new AssertionError("no gauge of the bytes held in:\n" + metrics);
    }
    return (long) Double.parseDouble(held.group(1));
  }

  private static FunctionOutcome returned() {
    return new FunctionOutcome.Returned("{\"statusCode\":200,\"body\":\"done\"}".getBytes(StandardCharsets.UTF_8));
  }
}
