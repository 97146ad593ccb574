package dev.lingogate.gateway.validation;

import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.request.IncomingRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The request validators of an API's routes, their models compiled when the gateway is built. */
public final class RequestValidators {

  private final Map<Route, RequestValidator> byRoute = new HashMap<>();

  /** @throws IllegalArgumentException when a route's model is not a JSON schema */
  public RequestValidators(List<Route> routes) {
    for (Route route : routes) {
      if (!route.validation().isNone()) {
        byRoute.put(route, new RequestValidator(route.validation()));
      }
    }
  }

  /** @throws dev.lingogate.gateway.response.RequestRejected with 400 when the request does not pass its route's checks */
  public void check(Route route, IncomingRequest request) {
    RequestValidator validator = byRoute.isEmpty() ? null : byRoute.get(route);
    if (validator != null) {
      validator.check(request);
    }
  }
}
