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

  private final Iterable<Map.Entry<String, String>> entries;
  /**
   * Grouped on first use: a request forwarded to an HTTP service without an authorizer or checks
   * never looks at its headers this way, and grouping them was a tenth of what such a request made.
   * The entries are the request's own, which no step changes after it has been read.
   */
  private Map<String, Header> byLowerName;

  public RequestHeaders(Iterable<Map.Entry<String, String>> entries) {
    this.entries = entries;
  }

  private Map<String, Header> byLowerName() {
    if (byLowerName == null) {
      Map<String, Header> grouped = new LinkedHashMap<>();
      for (Map.Entry<String, String> entry : entries) {
        grouped.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT),
            lower -> new Header(entry.getKey(), new ArrayList<>())).values().add(entry.getValue());
      }
      byLowerName = grouped;
    }
    return byLowerName;
  }

  public Collection<Header> all() {
    return byLowerName().values();
  }

  public boolean isEmpty() {
    return byLowerName().isEmpty();
  }

  /** The last value of the header, or null. */
  public String last(String lowerCaseName) {
    Header header = byLowerName().get(lowerCaseName);
    return header == null ? null : header.last();
  }

  /** All values of the header, empty when absent. */
  public List<String> values(String lowerCaseName) {
    Header header = byLowerName().get(lowerCaseName);
    return header == null ? List.of() : header.values();
  }
}
