package dev.lingogate.gateway.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IAM policy a Lambda authorizer answers with, evaluated as IAM does for {@code
 * execute-api:Invoke} on the request's ARN: a matching Deny wins, else a matching Allow allows,
 * else the request is implicitly denied. {@code *} and {@code ?} are wildcards in actions and
 * resources.
 */
final class PolicyDocument {

  enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

  private record Statement(boolean allow, List<Pattern> actions, List<Pattern> resources) {
    boolean covers(String action, String resource) {
      return actions.stream().anyMatch(a -> a.matcher(action).matches())
          && resources.stream().anyMatch(r -> r.matcher(resource).matches());
    }
  }

  private final List<Statement> statements;

  private PolicyDocument(List<Statement> statements) {
    this.statements = statements;
  }

  /** @throws IllegalArgumentException when the document is not a policy */
  static PolicyDocument parse(JsonNode document) {
    if (document == null || !document.isObject()) {
      throw new IllegalArgumentException("policyDocument must be an object");
    }
    JsonNode statementNode = document.get("Statement");
    if (statementNode == null) {
      throw new IllegalArgumentException("policyDocument has no Statement");
    }
    List<Statement> statements = new ArrayList<>();
    for (JsonNode statement : statementNode.isArray() ? statementNode : List.of(statementNode)) {
      String effect = statement.path("Effect").asText("");
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new IllegalArgumentException("a statement's Effect must be Allow or Deny, was '" + effect + "'");
      }
      statements.add(new Statement(effect.equals("Allow"), patterns(statement.get("Action"), "Action"),
          patterns(statement.get("Resource"), "Resource")));
    }
    return new PolicyDocument(statements);
  }

  Decision decide(String resourceArn) {
    boolean allowed = false;
    for (Statement statement : statements) {
      if (statement.covers("execute-api:Invoke", resourceArn)) {
        if (!statement.allow()) {
          return Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private static List<Pattern> patterns(JsonNode node, String field) {
    if (node == null || !(node.isTextual() || node.isArray())) {
      throw new IllegalArgumentException("a statement's " + field + " must be a string or a list of strings");
    }
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode value : node.isArray() ? node : List.of(node)) {
      if (!value.isTextual()) {
        throw new IllegalArgumentException("a statement's " + field + " must be a string or a list of strings");
      }
      patterns.add(wildcard(value.textValue()));
    }
    return patterns;
  }

  private static Pattern wildcard(String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
