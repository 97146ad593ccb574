package dev.lingogate.gateway;

import java.util.Objects;

/**
 * One route of the API: a method ({@code GET}, ... or {@code ANY}) and a path template such as
 * {@code /translations/{id}} or {@code /files/{proxy+}}, integrated with a function.
 */
public record Route(String method, String pathTemplate, String functionName, PayloadFormat format) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(format, "format");
    method = method.toUpperCase(java.util.Locale.ROOT);
  }

  public boolean anyMethod() {
    return method.equals("ANY");
  }

  /** The route key as HTTP APIs write it: {@code GET /translations/{id}}. */
  public String routeKey() {
    return method + " " + pathTemplate;
  }
}
