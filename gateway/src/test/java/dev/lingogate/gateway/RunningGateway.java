package dev.lingogate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.gateway.http.NetworkTransport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gateway started on an ephemeral port of 127.0.0.1 for one test, and a client to call it; on the
 * network transport {@code lingogate up} takes on this machine, so every gateway test covers it.
 */
final class RunningGateway implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Vertx vertx;
  final Gateway gateway;

  RunningGateway(GatewayOptions options, List<Route> routes, TestFunctions functions) {
    this(options, routes, ApiSettings.none(), functions);
  }

  RunningGateway(GatewayOptions options, List<Route> routes, ApiSettings settings, TestFunctions functions) {
    this(NetworkTransport.fastestAvailable().vertx(new VertxOptions()), options, routes, settings, functions);
  }

  /** On the given Vert.x, which the gateway closes when the test is done. */
  RunningGateway(Vertx vertx, GatewayOptions options, List<Route> routes, ApiSettings settings,
                 TestFunctions functions) {
    this.vertx = vertx;
    gateway = new Gateway(vertx, options.withPort(0), routes, settings, functions);
    await(gateway.start());
  }

  RunningGateway(List<Route> routes, TestFunctions functions) {
    this(GatewayOptions.defaults(), routes, functions);
  }

  int port() {
    return gateway.port();
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
    return send(port(), method, pathAndQuery, body, headers);
  }

  /** A bodiless request to another port of 127.0.0.1, such as the admin port. */
  static HttpResponse<String> sendTo(int port, String method, String pathAndQuery) {
    return send(port, method, pathAndQuery, null);
  }

  private static HttpResponse<String> send(int port, String method, String pathAndQuery, String body,
                                           String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) {
    return send("GET", pathAndQuery, null, headers);
  }

  /** The event an echo function received, read back from the body of its answer. */
  static JsonNode echoedEvent(HttpResponse<String> response) {
    return json(response.body());
  }

  static JsonNode json(String text) {
    try {
      return TestFunctions.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  /** Waits up to ten seconds for something that happens just after a response was read. */
  static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not come true within ten seconds");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    await(gateway.stop());
    await(vertx.close());
  }
}
