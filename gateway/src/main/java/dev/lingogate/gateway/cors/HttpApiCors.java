package dev.lingogate.gateway.cors;

import dev.lingogate.gateway.response.GatewayResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;

/**
 * CORS as HTTP APIs do it: every preflight (an OPTIONS with Origin and Access-Control-Request-Method)
 * is answered 204 by the gateway, whatever the routes; on other answers the CORS headers the
 * function sent are dropped and the configured ones added, for an allowed Origin only.
 */
final class HttpApiCors implements CorsPolicy {

  private final CorsConfiguration configuration;
  private final AllowedOrigins origins;

  HttpApiCors(CorsConfiguration configuration) {
    this.configuration = configuration;
    this.origins = new AllowedOrigins(configuration.allowOrigins());
  }

  @Override
  public GatewayResponse preflight(HttpServerRequest http, SortedSet<String> methodsOnPath) {
    String origin = http.getHeader("origin");
    String requestedMethod = http.getHeader("access-control-request-method");
    if (http.method() != HttpMethod.OPTIONS || origin == null || requestedMethod == null) {
      return null;
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (origins.allows(origin)) {
      addOriginHeaders(origin, headers);
      headers.add("access-control-allow-methods", listOrEcho(configuration.allowMethods(), requestedMethod));
      String requestedHeaders = http.getHeader("access-control-request-headers");
      if (!configuration.allowHeaders().isEmpty()) {
        headers.add("access-control-allow-headers", listOrEcho(configuration.allowHeaders(), requestedHeaders));
      }
      if (configuration.maxAgeSeconds() != null) {
        headers.add("access-control-max-age", configuration.maxAgeSeconds().toString());
      }
    }
    return new GatewayResponse(204, headers, Buffer.buffer());
  }

  @Override
  public GatewayResponse decorate(String origin, GatewayResponse answer) {
    MultiMap headers = answer.headers();
    headers.names().stream()
        .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
        .toList()
        .forEach(headers::remove);
    if (origin != null && origins.allows(origin)) {
      addOriginHeaders(origin, headers);
      if (!configuration.exposeHeaders().isEmpty()) {
        headers.add("access-control-expose-headers", String.join(",", configuration.exposeHeaders()));
      }
    }
    return answer;
  }

  private void addOriginHeaders(String origin, MultiMap headers) {
    // A credentialed request may not be answered with '*': the browser needs its own origin back.
    boolean wildcard = origins.anyOrigin() && !configuration.allowCredentials();
    headers.add("access-control-allow-origin", wildcard ? "*" : origin);
    if (configuration.allowCredentials()) {
      headers.add("access-control-allow-credentials", "true");
    }
  }

  /** The configured list, or what the browser asked for when the list allows anything. */
  private static String listOrEcho(List<String> configured, String requested) {
    if (configured.contains("*") && requested != null && !requested.isBlank()) {
      return requested;
    }
    return String.join(",", configured);
  }
}
