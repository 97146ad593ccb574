package dev.lingogate.gateway.authorization;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.event.ProxyEvent;
import dev.lingogate.gateway.integration.Integration;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.routing.RouteMatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's authorizers at work: each route is guarded by the authorizer it names, or by the
 * API's default one unless it names {@link Route#NO_AUTHORIZER}. Which authorizer guards which
 * route is settled once, when the gateway is built, so a misspelt name fails the start, not a request.
 */
public final class Authorizers {

  private final Map<String, AuthorizerCheck> checks = new HashMap<>();
  private final Map<Route, AuthorizerCheck> byRoute = new HashMap<>();

  /**
   * @param authorizers the API's authorizers by name
   * @param defaultAuthorizer the name of the one guarding routes that name none; null for none
   * @param stage the stage ARNs name ({@code $default} for HTTP APIs)
   * @throws IllegalArgumentException when a route or the default names an authorizer the API does
   *     not have, or a JWT authorizer's key file cannot be read
   */
  public Authorizers(Vertx vertx, List<Route> routes, Map<String, Authorizer> authorizers, String defaultAuthorizer,
                     ApiKind kind, String stage, Map<String, String> stageVariables, Integration integration,
                     ProxyEvent events) {
    if (defaultAuthorizer != null && !authorizers.containsKey(defaultAuthorizer)) {
      throw new IllegalArgumentException("the default authorizer " + defaultAuthorizer + " is not among the API's "
          + authorizers.keySet());
    }
    authorizers.forEach((name, authorizer) -> checks.put(name, authorizer instanceof LambdaAuthorizer lambda
        ? new LambdaAuthorizerCheck(name, lambda, integration, events, kind,
            kind == ApiKind.HTTP ? ProxyEvent.DEFAULT_STAGE : stage, stageVariables)
        : new JwtCheck(vertx, name, (JwtAuthorizer) authorizer)));
    for (Route route : routes) {
      String name = route.authorizer() == null ? defaultAuthorizer : route.authorizer();
      if (name == null || name.equals(Route.NO_AUTHORIZER)) {
        continue;
      }
      AuthorizerCheck check = checks.get(name);
      if (check == null) {
        throw new IllegalArgumentException("route " + route.routeKey() + " names the authorizer " + name
            + ", which is not among the API's " + authorizers.keySet());
      }
      byRoute.put(route, check);
    }
  }

  /**
   * What the route's authorizer says about the request; null when the route has none.
   *
   * @param request the request; its body is not needed
   */
  public Future<Authorization> authorize(IncomingRequest request, RouteMatch match) {
    // Hashing a route costs more than the rest of this step when no route has an authorizer.
    AuthorizerCheck check = byRoute.isEmpty() ? null : byRoute.get(match.route());
    return check == null ? Future.succeededFuture() : check.check(request, match);
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    checks.values().forEach(check -> closing.add(check.close()));
    return Future.all(closing).mapEmpty();
  }
}
