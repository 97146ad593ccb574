package dev.lingogate.gateway.cors;

import java.util.List;
import java.util.Locale;

/** The origins of a CORS configuration, and whether a request's Origin is one of them. */
final class AllowedOrigins {

  private final List<String> patterns;

  AllowedOrigins(List<String> origins) {
    this.patterns = origins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).toList();
  }

  boolean anyOrigin() {
    return patterns.contains("*");
  }

  boolean allows(String origin) {
    String candidate = origin.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      if (pattern.equals("*") || pattern.equals(candidate) || matchesWildcard(pattern, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** {@code https://*.example.com} allows any subdomain of example.com over https, not example.com itself. */
  private static boolean matchesWildcard(String pattern, String origin) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return false;
    }
    String before = pattern.substring(0, star);
    String after = pattern.substring(star + 1);
    return origin.length() > before.length() + after.length()
        && origin.startsWith(before) && origin.endsWith(after);
  }
}
