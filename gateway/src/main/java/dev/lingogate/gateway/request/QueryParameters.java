package dev.lingogate.gateway.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The decoded parameters of a raw query string, each name with its values in order. */
public final class QueryParameters {

  private static final QueryParameters NONE = new QueryParameters(Map.of());

  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses {@code a=1&a=2&b}: a name without '=' has the empty value, '+' is a space.
   *
   * @throws IllegalArgumentException when a percent escape is broken
   */
  public static QueryParameters parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return new QueryParameters(Collections.unmodifiableMap(values));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Map<String, List<String>> asMap() {
    return values;
  }
}
