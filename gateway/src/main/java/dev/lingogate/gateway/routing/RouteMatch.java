package dev.lingogate.gateway.routing;

import dev.lingogate.gateway.Route;
import java.util.Map;

/** The route a request matched, with the decoded values of its path variables (empty when none). */
public record RouteMatch(Route route, Map<String, String> pathParameters) {}
