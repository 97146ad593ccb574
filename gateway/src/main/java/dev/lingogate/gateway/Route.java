package dev.lingogate.gateway;

import dev.lingogate.gateway.integration.HttpProxyTarget;
import dev.lingogate.gateway.validation.RequestValidation;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One route of the API: a method ({@code GET}, ... or {@code ANY}) and a path template such as
 * {@code /translations/{id}} or {@code /files/{proxy+}}, integrated with a function or, as an
 * {@code http_proxy} integration, with another HTTP service.
 *
 * @param functionName the function the route invokes; null when it proxies to {@code httpProxy}
 * @param authorizer the name of the API's authorizer that guards the route ({@code Auth.Authorizer}),
 *     {@link #NO_AUTHORIZER} for none, or null for the API's default authorizer, if any
 * @param validation what the request must carry before it is let through; {@link RequestValidation#NONE} for nothing
 * @param httpProxy the HTTP service the route forwards to; null when it invokes a function
 * @param authorizationScopes the scopes of which a JWT must carry one ({@code Auth.AuthorizationScopes});
 *     empty for none
 */
public record Route(String method, String pathTemplate, String functionName, PayloadFormat format,
                    boolean apiKeyRequired, String authorizer, RequestValidation validation,
                    HttpProxyTarget httpProxy, List<String> authorizationScopes) {

  /** What SAM writes as {@code Auth: Authorizer: NONE} to take a route out from under the default authorizer. */
  public static final String NO_AUTHORIZER = "NONE";

  /** A route anyone may call, without an API key. */
  public Route(String method, String pathTemplate, String functionName, PayloadFormat format) {
    this(method, pathTemplate, functionName, format, false);
  }

  public Route(String method, String pathTemplate, String functionName, PayloadFormat format,
               boolean apiKeyRequired) {
    this(method, pathTemplate, functionName, format, apiKeyRequired, null, RequestValidation.NONE, null, List.of());
  }

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(format, "format");
    if ((functionName == null) == (httpProxy == null)) {
      throw new IllegalArgumentException("route " + method + " " + pathTemplate
          + " must name exactly one of a function and an HTTP proxy target");
    }
    method = method.toUpperCase(Locale.ROOT);
    validation = validation == null ? RequestValidation.NONE : validation;
    authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
  }

  /**
   * A route forwarded to another HTTP service ({@code x-amazon-apigateway-integration} of type
   * {@code http_proxy}).
   */
  public static Route httpProxy(String method, String pathTemplate, HttpProxyTarget target, PayloadFormat format) {
    return new Route(method, pathTemplate, null, format, false, null, RequestValidation.NONE, target, List.of());
  }

  /** The same route, callable only with an API key ({@code Auth: ApiKeyRequired: true}). */
  public Route requiringApiKey() {
    return new Route(method, pathTemplate, functionName, format, true, authorizer, validation, httpProxy,
        authorizationScopes);
  }

  /** The same route guarded by the named authorizer, or by none with {@link #NO_AUTHORIZER}. */
  public Route withAuthorizer(String authorizerName) {
    return new Route(method, pathTemplate, functionName, format, apiKeyRequired, authorizerName, validation, httpProxy,
        authorizationScopes);
  }

  /** The same route, its requests checked before they go on ({@code RequestParameters}, {@code RequestModel}). */
  public Route withValidation(RequestValidation newValidation) {
    return new Route(method, pathTemplate, functionName, format, apiKeyRequired, authorizer, newValidation, httpProxy,
        authorizationScopes);
  }

  /** The same route, open only to a JWT that carries one of the scopes ({@code Auth.AuthorizationScopes}). */
  public Route withAuthorizationScopes(List<String> scopes) {
    return new Route(method, pathTemplate, functionName, format, apiKeyRequired, authorizer, validation, httpProxy,
        scopes);
  }

  public boolean anyMethod() {
    return method.equals("ANY");
  }

  /** The route key as HTTP APIs write it: {@code GET /translations/{id}}. */
  public String routeKey() {
    return method + " " + pathTemplate;
  }

  /** What the route integrates with, as metrics name it: the function, or the proxied URI. */
  public String integrationName() {
    return functionName != null ? functionName : httpProxy.uri();
  }
}
