package dev.lingogate.gateway.routing;

import dev.lingogate.gateway.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The routes of an API and API Gateway's rule for choosing among them: of the routes whose method
 * and path match, the one with the most specific path wins (literal over {@code {param}} over
 * {@code {proxy+}}), and on the same path an exact method wins over {@code ANY}.
 */
public final class RouteTable {

  private record Entry(Route route, PathTemplate template) {}

  private final List<Entry> entries = new ArrayList<>();

  public RouteTable(List<Route> routes) {
    for (Route route : routes) {
      entries.add(new Entry(route, PathTemplate.parse(route.pathTemplate())));
    }
  }

  /** @param path the request path as {@link RequestPath#decode} gives it */
  public Optional<RouteMatch> match(String method, List<String> path) {
    Entry best = null;
    for (Entry entry : entries) {
      if (!entry.route.anyMethod() && !entry.route.method().equals(method)) {
        continue;
      }
      if (entry.template.matches(path) && (best == null || moreSpecific(entry, best))) {
        best = entry;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new RouteMatch(best.route, best.template.parameters(path)));
  }

  /** The methods (ANY among them) of the routes whose path matches, for answering OPTIONS about a path. */
  public SortedSet<String> methodsAt(List<String> path) {
    SortedSet<String> methods = new TreeSet<>();
    for (Entry entry : entries) {
      if (entry.template.matches(path)) {
        methods.add(entry.route.method());
      }
    }
    return methods;
  }

  private static boolean moreSpecific(Entry candidate, Entry best) {
    int byPath = candidate.template.compareSpecificity(best.template);
    if (byPath != 0) {
      return byPath > 0;
    }
    return best.route.anyMethod() && !candidate.route.anyMethod();
  }
}
