package dev.lingogate.gateway.routing;

import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The path of a request split into URL-decoded segments, the form routes are matched against. */
public final class RequestPath {

  private RequestPath() {}

  /**
   * Splits and decodes a raw path such as {@code /files/a%20b/c}. Empty segments (a trailing or
   * doubled slash) are dropped, as API Gateway ignores them.
   *
   * @throws RequestRejected as a bad request when a percent escape is broken
   */
  public static List<String> decode(String rawPath) {
    List<String> segments = split(rawPath);
    segments.replaceAll(RequestPath::decodeSegment);
    return segments;
  }

  static List<String> split(String path) {
    // Sized to fit (at most one segment after each slash), not the default room for ten: paths have few.
    List<String> segments = new ArrayList<>(slashes(path) + 1);
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (end > start) {
        segments.add(path.substring(start, end));
      }
      start = end + 1;
    }
    return segments;
  }

  private static int slashes(String path) {
    int slashes = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        slashes++;
      }
    }
    return slashes;
  }

  private static String decodeSegment(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      // In a path '+' is a plus sign, not a space: protect it from the form decoder.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new RequestRejected(GatewayError.BAD_REQUEST, "malformed percent escape in path segment '" + segment + "'");
    }
  }
}
