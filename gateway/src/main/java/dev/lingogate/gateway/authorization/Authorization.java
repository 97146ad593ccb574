package dev.lingogate.gateway.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What an authorizer said about the caller of an allowed request, passed to the function as
 * {@code requestContext.authorizer}.
 *
 * @param principalId a Lambda authorizer's principal, or null
 * @param context a Lambda authorizer's context (empty when none)
 * @param claims a JWT's claims; null for a Lambda authorizer
 * @param scopes a JWT's scopes (empty when none)
 * @param latencyMillis how long the authorizer took; 0 when its answer came from the cache
 */
public record Authorization(String principalId, ObjectNode context, ObjectNode claims, List<String> scopes,
                            long latencyMillis) {

  static Authorization lambda(String principalId, ObjectNode context, long latencyMillis) {
    return new Authorization(principalId, context == null ? JsonNodeFactory.instance.objectNode() : context, null,
        List.of(), latencyMillis);
  }

  static Authorization jwt(ObjectNode claims, List<String> scopes) {
    return new Authorization(null, JsonNodeFactory.instance.objectNode(), claims, List.copyOf(scopes), 0);
  }

  public boolean isJwt() {
    return claims != null;
  }
}
