package dev.lingogate.gateway.integration;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code http_proxy} target's URI taken apart once: host, port, and the path as literal parts
 * and path variables ({@code {proxy}}, {@code {id}}), which each request fills in, percent-encoded.
 */
final class ForwardingAddress {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}+]+)\\+?}");

  /** Literal text, or the name of a path variable. */
  private record Part(String text, boolean variable) {}

  private final String host;
  private final int port;
  private final boolean ssl;
  private final String pathTemplate;
  private final List<Part> pathParts = new ArrayList<>();
  private final String query;
  private final String hostHeader;

  ForwardingAddress(HttpProxyTarget target) {
    URI uri = URI.create(target.uri().replace("{", "%7B").replace("}", "%7D"));
    this.ssl = uri.getScheme().equalsIgnoreCase("https");
    this.host = uri.getHost();
    this.port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    this.pathTemplate = path.replace("%7B", "{").replace("%7D", "}");
    Matcher variable = VARIABLE.matcher(pathTemplate);
    int literalStart = 0;
    while (variable.find()) {
      pathParts.add(new Part(pathTemplate.substring(literalStart, variable.start()), false));
      pathParts.add(new Part(variable.group(1), true));
      literalStart = variable.end();
    }
    pathParts.add(new Part(pathTemplate.substring(literalStart), false));
    this.query = uri.getRawQuery();
    boolean defaultPort = port == (ssl ? 443 : 80);
    this.hostHeader = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
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

  /** The Host header the service is sent: its name, and its port unless the scheme's own. */
  String hostHeader() {
    return hostHeader;
  }

  /** The path with the variables filled in, and the target's query followed by the request's. */
  String pathAndQuery(Map<String, String> pathParameters, String requestQuery) {
    StringBuilder uri = new StringBuilder(pathTemplate.length() + 64);
    for (Part part : pathParts) {
      uri.append(part.variable ? encodeSegments(pathParameters.getOrDefault(part.text, "")) : part.text);
    }
    boolean ownQuery = query != null && !query.isEmpty();
    boolean passedQuery = requestQuery != null && !requestQuery.isEmpty();
    if (ownQuery || passedQuery) {
      uri.append('?').append(ownQuery && passedQuery ? query + "&" + requestQuery : ownQuery ? query : requestQuery);
    }
    return uri.toString();
  }

  /** Each segment percent-encoded, the slashes between them kept (a greedy variable spans several). */
  private static String encodeSegments(String value) {
    if (needsNoEncoding(value)) {
      return value;
    }
    StringJoiner encoded = new StringJoiner("/");
    for (String segment : value.split("/", -1)) {
      encoded.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return encoded.toString();
  }

  /** True when every character stands for itself in a path (RFC 3986 unreserved, or a slash): the common case, which costs no copy. */
  private static boolean needsNoEncoding(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return (ssl ? "https://" : "http://") + host + ":" + port + pathTemplate;
  }
}
