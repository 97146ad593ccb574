package dev.lingogate.gateway.authorization;

import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.routing.RouteMatch;
import io.vertx.core.Future;

/** One authorizer at work: decides about a request, failing with the rejection the client gets. */
interface AuthorizerCheck {

  /** @param request the request, its body not necessarily read yet */
  Future<Authorization> check(IncomingRequest request, RouteMatch match);

  /** Lets go of what the check holds open. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
