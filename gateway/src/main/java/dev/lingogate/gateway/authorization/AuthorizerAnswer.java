package dev.lingogate.gateway.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import java.io.IOException;
import java.util.Map;

/**
 * A Lambda authorizer's answer, read once and kept in the cache: a simple response (HTTP APIs,
 * {@code isAuthorized}) or a principal with a policy. A cached policy is decided afresh for each
 * request's ARN, as API Gateway does, so a policy naming one path does not open the others.
 */
final class AuthorizerAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Boolean simplyAuthorized;
  private final String principalId;
  private final PolicyDocument policy;
  private final ObjectNode context;

  private AuthorizerAnswer(Boolean simplyAuthorized, String principalId, PolicyDocument policy, ObjectNode context) {
    this.simplyAuthorized = simplyAuthorized;
    this.principalId = principalId;
    this.policy = policy;
    this.context = context;
  }

  /**
   * @param simple whether the authorizer answers {@code {"isAuthorized": .., "context": ..}}
   * @param scalarContextOnly REST APIs refuse a context with objects or arrays in it
   * @throws IllegalArgumentException when the payload is not such an answer
   */
  static AuthorizerAnswer read(byte[] payload, boolean simple, boolean scalarContextOnly) {
    JsonNode answer;
    try {
      answer = JSON.readTree(payload);
    } catch (IOException e) {
      throw new IllegalArgumentException("the answer is not JSON");
    }
    if (answer == null || !answer.isObject()) {
      throw new IllegalArgumentException("the answer is not a JSON object");
    }
    ObjectNode context = context(answer.get("context"), scalarContextOnly);
    if (simple) {
      JsonNode authorized = answer.get("isAuthorized");
      if (authorized == null || !authorized.isBoolean()) {
        throw new IllegalArgumentException("isAuthorized must be a boolean");
      }
      return new AuthorizerAnswer(authorized.booleanValue(), null, null, context);
    }
    JsonNode principal = answer.get("principalId");
    if (principal != null && !principal.isNull() && !principal.isValueNode()) {
      throw new IllegalArgumentException("principalId must be a string");
    }
    return new AuthorizerAnswer(null, principal == null || principal.isNull() ? null : principal.asText(),
        PolicyDocument.parse(answer.get("policyDocument")), context);
  }

  private static ObjectNode context(JsonNode context, boolean scalarOnly) {
    if (context == null || context.isNull()) {
      return JSON.createObjectNode();
    }
    if (!context.isObject()) {
      throw new IllegalArgumentException("context must be an object");
    }
    if (scalarOnly) {
      for (Map.Entry<String, JsonNode> entry : context.properties()) {
        if (!entry.getValue().isValueNode()) {
          throw new IllegalArgumentException("context." + entry.getKey() + " must be a string, number or boolean");
        }
      }
    }
    return (ObjectNode) context;
  }

  /**
   * The caller's authorization for the resource, as this answer gives it.
   *
   * @throws RequestRejected with 403 when the answer does not allow it
   */
  Authorization admit(String resourceArn, ApiKind kind, long latencyMillis) {
    if (simplyAuthorized != null) {
      if (!simplyAuthorized) {
        throw new RequestRejected(GatewayError.FORBIDDEN, "the authorizer answered isAuthorized: false");
      }
      return Authorization.lambda(null, context, latencyMillis);
    }
    PolicyDocument.Decision decision = policy.decide(resourceArn);
    if (decision != PolicyDocument.Decision.ALLOW) {
      String reason = "the authorizer's policy denies " + resourceArn;
      if (kind == ApiKind.HTTP) {
        throw new RequestRejected(GatewayError.FORBIDDEN, reason);
      }
      throw new RequestRejected(decision == PolicyDocument.Decision.EXPLICIT_DENY
          ? GatewayError.EXPLICIT_DENY : GatewayError.IMPLICIT_DENY, reason);
    }
    return Authorization.lambda(principalId, context, latencyMillis);
  }
}
