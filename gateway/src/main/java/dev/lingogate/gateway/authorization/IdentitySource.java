package dev.lingogate.gateway.authorization;

import dev.lingogate.gateway.request.IncomingRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where an authorizer finds the caller's identity in a request: a header, a query string
 * parameter or a stage variable. A request without it is refused with 401 before the authorizer is
 * asked, and the values of all of them are the key its answer is cached under.
 */
public record IdentitySource(Kind kind, String name) {

  public enum Kind { HEADER, QUERY_STRING, STAGE_VARIABLE }

  public IdentitySource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("an identity source needs a name");
    }
  }

  public static IdentitySource header(String name) {
    return new IdentitySource(Kind.HEADER, name);
  }

  public static IdentitySource queryString(String name) {
    return new IdentitySource(Kind.QUERY_STRING, name);
  }

  /**
   * From API Gateway's notation: {@code method.request.header.Authorization} (REST APIs),
   * {@code $request.header.Authorization} (HTTP APIs), {@code ...querystring.name},
   * {@code stageVariables.name} or {@code $stageVariables.name}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static IdentitySource parse(String expression) {
    String rest = expression.startsWith("method.request.") ? expression.substring("method.request.".length())
        : expression.startsWith("$request.") ? expression.substring("$request.".length())
        : expression.startsWith("$") ? expression.substring(1)
        : expression;
    if (rest.startsWith("header.")) {
      return header(rest.substring("header.".length()));
    }
    if (rest.startsWith("querystring.")) {
      return queryString(rest.substring("querystring.".length()));
    }
    if (rest.startsWith("stageVariables.")) {
      return new IdentitySource(Kind.STAGE_VARIABLE, rest.substring("stageVariables.".length()));
    }
    throw new IllegalArgumentException("not an identity source: " + expression
        + " (expected a header, querystring or stageVariables expression)");
  }

  /** The request's value for this source; null when it is absent or empty. */
  String valueIn(IncomingRequest request, Map<String, String> stageVariables) {
    String value = switch (kind) {
      case HEADER -> request.headers().last(name.toLowerCase(Locale.ROOT));
      case QUERY_STRING -> {
        List<String> values = request.query().asMap().get(name);
        yield values == null ? null : String.join(",", values);
      }
      case STAGE_VARIABLE -> stageVariables.get(name);
    };
    return value == null || value.isEmpty() ? null : value;
  }
}
