package dev.lingogate.gateway.cors;

import dev.lingogate.gateway.response.GatewayResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * CORS as SAM sets it up on a REST API: each path of the API gets a mock OPTIONS method answering
 * 200 with the configured headers, taken literally (Origin is not compared; the browser does that).
 * Answers of the functions get the configured Access-Control-Allow-Origin unless they carry their own.
 */
final class RestApiCors implements CorsPolicy {

  /** What SAM writes for a path routed with ANY. */
  private static final List<String> ANY_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final CorsConfiguration configuration;
  private final String allowOrigin;

  RestApiCors(CorsConfiguration configuration) {
    this.configuration = configuration;
    this.allowOrigin = String.join(",", configuration.allowOrigins());
  }

  @Override
  public GatewayResponse preflight(HttpServerRequest http, SortedSet<String> methodsOnPath) {
    // An OPTIONS route of the template's own takes the place of the mock method.
    if (http.method() != HttpMethod.OPTIONS || methodsOnPath.isEmpty() || methodsOnPath.contains("OPTIONS")) {
      return null;
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json");
    headers.add("access-control-allow-origin", allowOrigin);
    headers.add("access-control-allow-methods", allowMethods(methodsOnPath));
    if (!configuration.allowHeaders().isEmpty()) {
      headers.add("access-control-allow-headers", String.join(",", configuration.allowHeaders()));
    }
    if (configuration.maxAgeSeconds() != null) {
      headers.add("access-control-max-age", configuration.maxAgeSeconds().toString());
    }
    if (configuration.allowCredentials()) {
      headers.add("access-control-allow-credentials", "true");
    }
    return new GatewayResponse(200, headers, Buffer.buffer("{}"));
  }

  /** The configured methods, or as SAM derives them: the path's methods and OPTIONS, sorted. */
  private String allowMethods(SortedSet<String> methodsOnPath) {
    if (!configuration.allowMethods().isEmpty()) {
      return String.join(",", configuration.allowMethods());
    }
    if (methodsOnPath.contains("ANY")) {
      return String.join(",", ANY_METHODS);
    }
    SortedSet<String> methods = new TreeSet<>(methodsOnPath);
    methods.add("OPTIONS");
    return String.join(",", methods);
  }

  @Override
  public GatewayResponse decorate(String origin, GatewayResponse answer) {
    if (!answer.headers().contains("access-control-allow-origin")) {
      answer.headers().add("access-control-allow-origin", allowOrigin);
    }
    return answer;
  }
}
