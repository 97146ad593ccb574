package dev.lingogate.gateway.integration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an {@code http_proxy} route forwards its requests: the integration's {@code uri}, whose
 * path may name the route's path variables ({@code http://127.0.0.1:8080/files/{proxy}}), and
 * optionally its {@code httpMethod} and {@code timeoutInMillis}.
 *
 * @param method the method the service is called with; null (or {@code ANY}) for the request's own
 * @param timeout the longest wait for the service's answer; null for the gateway's integration timeout
 */
public record HttpProxyTarget(String uri, String method, Duration timeout) {

  public HttpProxyTarget {
    Objects.requireNonNull(uri, "uri");
    URI parsed;
    try {
      parsed = new URI(uri.replace("{", "%7B").replace("}", "%7D"));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not an http_proxy URI: " + uri, e);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
      throw new IllegalArgumentException("an http_proxy URI must be an absolute http(s) URL, was " + uri);
    }
    method = method == null || method.equalsIgnoreCase("ANY") ? null : method.toUpperCase(Locale.ROOT);
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("an http_proxy timeout must be positive, was " + timeout);
    }
  }

  /** Forwards with the request's own method, within the gateway's integration timeout. */
  public HttpProxyTarget(String uri) {
    this(uri, null, null);
  }
}
