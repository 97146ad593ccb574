package dev.lingogate.gateway.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code http_proxy} target's URI taken apart once: host, port, and the path with the route's
 * path variables ({@code {proxy}}, {@code {id}}) put back in, percent-encoded, per request.
 */
final class ForwardingAddress {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}+]+)\\+?}");

  private final String host;
  private final int port;
  private final boolean ssl;
  private final String pathTemplate;
  private final String query;
  private final boolean hasVariables;

  ForwardingAddress(HttpProxyTarget target) {
    URI uri = URI.create(target.uri().replace("{", "%7B").replace("}", "%7D"));
    this.ssl = uri.getScheme().equalsIgnoreCase("https");
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    this.pathTemplate = path.replace("%7B", "{").replace("%7D", "}");
    this.query = uri.getRawQuery();
    this.hasVariables = VARIABLE.matcher(pathTemplate).find();
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  boolean ssl() {
    return ssl;
  }

  /** The path with the variables filled in, and the target's query followed by the request's. */
  String pathAndQuery(Map<String, String> pathParameters, String requestQuery) {
    String path = hasVariables ? fill(pathParameters) : pathTemplate;
    boolean ownQuery = query != null && !query.isEmpty();
    boolean passedQuery = requestQuery != null && !requestQuery.isEmpty();
    if (!ownQuery && !passedQuery) {
      return path;
    }
    return path + "?" + (ownQuery && passedQuery ? query + "&" + requestQuery : ownQuery ? query : requestQuery);
  }

  private String fill(Map<String, String> pathParameters) {
    Matcher variable = VARIABLE.matcher(pathTemplate);
    StringBuilder path = new StringBuilder();
    while (variable.find()) {
      String value = pathParameters.getOrDefault(variable.group(1), "");
      variable.appendReplacement(path, Matcher.quoteReplacement(encodeSegments(value)));
    }
    variable.appendTail(path);
    return path.toString();
  }

  /** Each segment percent-encoded, the slashes between them kept (a greedy variable spans several). */
  private static String encodeSegments(String value) {
    StringJoiner encoded = new StringJoiner("/");
    for (String segment : value.split("/", -1)) {
      encoded.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return encoded.toString();
  }

  @Override
  public String toString() {
    return (ssl ? "https://" : "http://") + host + ":" + port + pathTemplate;
  }
}
