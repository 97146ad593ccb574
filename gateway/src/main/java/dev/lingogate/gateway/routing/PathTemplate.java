package dev.lingogate.gateway.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A route's path template, such as {@code /translations/{id}} or {@code /files/{proxy+}}, parsed into
 * segments that match the decoded segments of a request path.
 */
final class PathTemplate {

  /** What one template segment is; the order is the order of precedence (literal wins). */
  enum Kind { GREEDY, PARAMETER, LITERAL }

  private record Segment(Kind kind, String text) {}

  private final List<Segment> segments;
  /** The indexes of the variable segments, in order. */
  private final int[] variables;

  private PathTemplate(List<Segment> segments) {
    this.segments = segments;
    this.variables = IntStream.range(0, segments.size())
        .filter(i -> segments.get(i).kind != Kind.LITERAL)
        .toArray();
  }

  static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path template must start with '/': " + template);
    }
    List<Segment> segments = new ArrayList<>();
    for (String part : RequestPath.split(template)) {
      segments.add(segment(part, template));
    }
    for (int i = 0; i < segments.size() - 1; i++) {
      if (segments.get(i).kind == Kind.GREEDY) {
        throw new IllegalArgumentException("a greedy path variable must be the last segment: " + template);
      }
    }
    return new PathTemplate(List.copyOf(segments));
  }

  private static Segment segment(String part, String template) {
    if (part.startsWith("{") && part.endsWith("}")) {
      String name = part.substring(1, part.length() - 1);
      boolean greedy = name.endsWith("+");
      if (greedy) {
        name = name.substring(0, name.length() - 1);
      }
      if (name.isEmpty() || name.contains("{") || name.contains("}")) {
        throw new IllegalArgumentException("malformed path variable '" + part + "' in " + template);
      }
      return new Segment(greedy ? Kind.GREEDY : Kind.PARAMETER, name);
    }
    if (part.contains("{") || part.contains("}")) {
      throw new IllegalArgumentException("a path variable must fill a whole segment: '" + part + "' in " + template);
    }
    return new Segment(Kind.LITERAL, part);
  }

  /** Whether the request path matches. A greedy variable takes at least one segment. */
  boolean matches(List<String> path) {
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (i >= path.size()) {
        return false;
      }
      if (segment.kind == Kind.GREEDY) {
        return true;
      }
      if (segment.kind == Kind.LITERAL && !segment.text.equals(path.get(i))) {
        return false;
      }
    }
    return segments.size() == path.size();
  }

  /**
   * The values of the path variables by name, in template order, in a request path this template
   * {@link #matches}. Most templates have one variable at most: that one is kept in a Map.of, which
   * grows no table and has no order to keep for a single name.
   */
  Map<String, String> parameters(List<String> path) {
    if (variables.length == 0) {
      return Map.of();
    }
    if (variables.length == 1) {
      return Map.of(segments.get(variables[0]).text, value(variables[0], path));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int at : variables) {
      parameters.put(segments.get(at).text, value(at, path));
    }
    return Collections.unmodifiableMap(parameters);
  }

  /** The value of the variable at segment {@code at}; a greedy one's is the rest of the path. */
  private String value(int at, List<String> path) {
    boolean restToJoin = segments.get(at).kind == Kind.GREEDY && at < path.size() - 1;
    return restToJoin ? String.join("/", path.subList(at, path.size())) : path.get(at);
  }

  /**
   * Compares how specific two templates are, segment by segment from the left: a literal segment
   * beats a variable, which beats a greedy variable. Positive when this one is more specific.
   */
  int compareSpecificity(PathTemplate other) {
    int shared = Math.min(segments.size(), other.segments.size());
    for (int i = 0; i < shared; i++) {
      int byKind = segments.get(i).kind.compareTo(other.segments.get(i).kind);
      if (byKind != 0) {
        return byKind;
      }
    }
    return Integer.compare(segments.size(), other.segments.size());
  }
}
