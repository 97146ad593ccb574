package dev.lingogate.gateway.admission;

import dev.lingogate.gateway.Route;
import java.util.Objects;

/**
 * One entry of a stage's {@code MethodSettings} that throttles: {@code /*} and {@code *} for every
 * method of the stage, or one route's path template and method. Each route has its own bucket.
 *
 * @param resourcePath a route's path template as written in the routes ({@code /translations/{id}},
 *     not the {@code ~1}-escaped form), or {@code /*}
 * @param httpMethod a method, or {@code *}
 */
public record MethodThrottle(String resourcePath, String httpMethod, Throttle throttle) {

  public MethodThrottle {
    Objects.requireNonNull(resourcePath, "resourcePath");
    Objects.requireNonNull(throttle, "throttle");
    httpMethod = Objects.requireNonNull(httpMethod, "httpMethod").toUpperCase(java.util.Locale.ROOT);
  }

  /** Throttling for every method of the stage. */
  public static MethodThrottle stage(Throttle throttle) {
    return new MethodThrottle("/*", "*", throttle);
  }

  /** How closely this entry names the route: -1 when it does not apply, higher when more specific. */
  int specificityFor(Route route) {
    boolean anyPath = resourcePath.equals("/*");
    boolean anyMethod = httpMethod.equals("*");
    if ((!anyPath && !resourcePath.equals(route.pathTemplate()))
        || (!anyMethod && !httpMethod.equals(route.method()))) {
      return -1;
    }
    return (anyPath ? 0 : 2) + (anyMethod ? 0 : 1);
  }
}
