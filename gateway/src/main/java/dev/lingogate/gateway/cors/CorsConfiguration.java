package dev.lingogate.gateway.cors;

import java.util.List;
import java.util.Objects;

/**
 * An API's CORS settings, as a template gives them: an HttpApi's {@code CorsConfiguration} or an
 * Api's {@code Cors} (whose single {@code AllowOrigin} is the one element of allowOrigins).
 *
 * @param allowOrigins origins allowed to call: exact ({@code https://app.example.com}), {@code *}, or
 *     with a wildcard subdomain ({@code https://*.example.com})
 * @param allowMethods methods a preflight allows; empty for a REST API means the methods of the path
 * @param allowHeaders request headers a preflight allows ({@code *} for any)
 * @param exposeHeaders response headers a browser may show to the page (HTTP APIs only)
 * @param maxAgeSeconds how long a browser may cache a preflight answer; null sends no Max-Age
 * @param allowCredentials whether cookies and Authorization may go with the request
 */
public record CorsConfiguration(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                                List<String> exposeHeaders, Integer maxAgeSeconds, boolean allowCredentials) {

  public CorsConfiguration {
    allowOrigins = List.copyOf(Objects.requireNonNull(allowOrigins, "allowOrigins"));
    allowMethods = allowMethods == null ? List.of() : List.copyOf(allowMethods);
    allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
    exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    if (maxAgeSeconds != null && maxAgeSeconds < -1) {
      throw new IllegalArgumentException("maxAgeSeconds must be -1 or more, was " + maxAgeSeconds);
    }
  }

  /** Any origin, any method and header: what {@code Cors: "'*'"} means on an Api. */
  public static CorsConfiguration allowingAnyOrigin() {
    return new CorsConfiguration(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
  }
}
