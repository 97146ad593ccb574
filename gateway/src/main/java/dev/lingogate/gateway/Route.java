package dev.lingogate.gateway;

import java.util.Objects;

/**
 * One route of the API: a method ({@code GET}, ... or {@code ANY}) and a path template such as
 * {@code /translations/{id}} or {@code /files/{proxy+}}, integrated with a function.
 */
public record Route(String method, String pathTemplate, String functionName, PayloadFormat format,
                    boolean apiKeyRequired) {

  /** A route anyone may call, without an API key. */
  public Route(String method, String pathTemplate, String functionName, PayloadFormat format) {
    this(method, pathTemplate, functionName, format, false);
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(format, "format");
    method = method.toUpperCase(java.util.Locale.ROOT);
  }

  /** The same route, callable only with an API key ({@code Auth: ApiKeyRequired: true}). */
  public Route requiringApiKey() {
    return new Route(method, pathTemplate, functionName, format, true);
  }

  public boolean anyMethod() {
    return method.equals("ANY");
  }

  /** The route key as HTTP APIs write it: {@code GET /translations/{id}}. */
  public String routeKey() {
    return method + " " + pathTemplate;
  }
}
