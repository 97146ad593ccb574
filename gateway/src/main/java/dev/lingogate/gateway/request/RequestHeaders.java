package dev.lingogate.gateway.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request's headers grouped by name case-insensitively, in arrival order, each group keeping
 * the name as the client first spelled it (v1 events show that spelling, v2 events lower-case it).
 */
public final class RequestHeaders {

  /** One header name with all its values in arrival order. */
  public record Header(String name, List<String> values) {
    public String last() {
      return values.get(values.size() - 1);
    }
  }

  private final Map<String, Header> byLowerName = new LinkedHashMap<>();

  public RequestHeaders(Iterable<Map.Entry<String, String>> entries) {
    for (Map.Entry<String, String> entry : entries) {
      byLowerName.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT),
          lower -> new Header(entry.getKey(), new ArrayList<>())).values().add(entry.getValue());
    }
  }

  public Collection<Header> all() {
    return byLowerName.values();
  }

  public boolean isEmpty() {
    return byLowerName.isEmpty();
  }

  /** The last value of the header, or null. */
  public String last(String lowerCaseName) {
    Header header = byLowerName.get(lowerCaseName);
    return header == null ? null : header.last();
  }

  /** All values of the header, empty when absent. */
  public List<String> values(String lowerCaseName) {
    Header header = byLowerName.get(lowerCaseName);
    return header == null ? List.of() : header.values();
  }
}
