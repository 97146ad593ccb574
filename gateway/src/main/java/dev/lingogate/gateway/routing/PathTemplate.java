package dev.lingogate.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path template, such as {@code /translations/{id}} or {@code /files/{proxy+}}, parsed into
 * segments that match the decoded segments of a request path.
 */
final class PathTemplate {

  /** What one template segment is; the order is the order of precedence (literal wins). */
  enum Kind { GREEDY, PARAMETER, LITERAL }

  private record Segment(Kind kind, String text) {}

  private final List<Segment> segments;

  private PathTemplate(List<Segment> segments) {
    this.segments = segments;
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

  /** The path parameters if the request path matches, else null. A greedy variable takes at least one segment. */
  Map<String, String> match(List<String> path) {
    // Most templates tried do not match, and many that do have no variable: no map made for either.
    Map<String, String> parameters = Map.of();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (i >= path.size()) {
        return null;
      }
      switch (segment.kind) {
        case LITERAL -> {
          if (!segment.text.equals(path.get(i))) {
            return null;
          }
        }
        case PARAMETER -> parameters = with(parameters, segment.text, path.get(i));
        case GREEDY -> {
          return with(parameters, segment.text, String.join("/", path.subList(i, path.size())));
        }
      }
    }
    return segments.size() == path.size() ? parameters : null;
  }

  private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
    Map<String, String> grown = parameters.isEmpty() ? new LinkedHashMap<>() : parameters;
    grown.put(name, value);
    return grown;
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
