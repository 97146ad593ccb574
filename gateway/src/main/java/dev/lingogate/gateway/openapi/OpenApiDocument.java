package dev.lingogate.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.gateway.ApiSettings;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.authorization.JwtAuthorizer;
import dev.lingogate.gateway.authorization.LambdaAuthorizer;
import dev.lingogate.gateway.validation.RequestValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's OpenAPI 3 document, written from its routes as API Gateway exports one: a path per
 * path template, an operation per method ({@code x-amazon-apigateway-any-method} for ANY), path
 * variables and required parameters, the body model, the security each route needs, and the
 * integration as {@code x-amazon-apigateway-integration}.
 */
public final class OpenApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}+]+)(\\+?)}");
  private static final String API_KEY_SCHEME = "api_key";

  private final byte[] json;

  public OpenApiDocument(String title, String version, List<Route> routes, ApiSettings settings) {
    ObjectNode document = JSON.createObjectNode();
    document.put("openapi", "3.0.1");
    document.putObject("info").put("title", title).put("version", version);
    document.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = document.putObject("paths");
    for (Route route : routes) {
      // A greedy variable is written as API Gateway writes it, {proxy+}.
      ObjectNode path = paths.has(route.pathTemplate()) ? (ObjectNode) paths.get(route.pathTemplate())
          : paths.putObject(route.pathTemplate());
      String method = route.anyMethod() ? "x-amazon-apigateway-any-method" : route.method().toLowerCase(Locale.ROOT);
      path.set(method, operation(route, settings));
    }
    ObjectNode schemes = document.putObject("components").putObject("securitySchemes");
    if (routes.stream().anyMatch(Route::apiKeyRequired)) {
      schemes.putObject(API_KEY_SCHEME).put("type", "apiKey").put("name", "x-api-key").put("in", "header");
    }
    settings.authorizers().forEach((name, authorizer) -> {
      if (authorizer instanceof JwtAuthorizer jwt) {
        ObjectNode scheme = schemes.putObject(name).put("type", "oauth2");
        scheme.putObject("x-amazon-apigateway-authorizer").put("type", "jwt")
            .putObject("jwtConfiguration").put("issuer", jwt.issuer())
            .set("audience", JSON.valueToTree(jwt.audiences()));
        scheme.putObject("flows");
      } else {
        LambdaAuthorizer lambda = (LambdaAuthorizer) authorizer;
        ObjectNode scheme = schemes.putObject(name).put("type", "apiKey").put("in", "header")
            .put("name", lambda.identitySources().isEmpty() ? "Authorization" : lambda.identitySources().get(0).name());
        scheme.put("x-amazon-apigateway-authtype", "custom");
        scheme.putObject("x-amazon-apigateway-authorizer")
            .put("type", lambda.type().name().toLowerCase(Locale.ROOT))
            .put("authorizerResultTtlInSeconds", lambda.resultTtl().toSeconds());
      }
    });
    try {
      this.json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode operation(Route route, ApiSettings settings) {
    ObjectNode operation = JSON.createObjectNode();
    ArrayNode parameters = operation.putArray("parameters");
    Matcher variable = PATH_VARIABLE.matcher(route.pathTemplate());
    while (variable.find()) {
      parameter(parameters, variable.group(1), "path");
    }
    RequestValidation validation = route.validation();
    validation.requiredHeaders().forEach(name -> parameter(parameters, name, "header"));
    validation.requiredQueryStrings().forEach(name -> parameter(parameters, name, "query"));
    if (validation.bodyModel() != null) {
      try {
        operation.putObject("requestBody").put("required", true).putObject("content")
            .putObject("application/json").set("schema", JSON.readTree(validation.bodyModel()));
      } catch (IOException e) {
        throw new IllegalArgumentException("the request model of " + route.routeKey() + " is not JSON", e);
      }
    }
    operation.putObject("responses").putObject("default").put("description", "What the integration answers");
    String authorizer = route.authorizer() == null ? settings.defaultAuthorizer() : route.authorizer();
    ArrayNode security = JSON.createArrayNode();
    if (route.apiKeyRequired()) {
      security.addObject().putArray(API_KEY_SCHEME);
    }
    if (authorizer != null && !authorizer.equals(Route.NO_AUTHORIZER)) {
      security.addObject().putArray(authorizer);
    }
    if (!security.isEmpty()) {
      operation.set("security", security);
    }
    operation.set("x-amazon-apigateway-integration", integration(route));
    return operation;
  }

  private static void parameter(ArrayNode parameters, String name, String in) {
    parameters.addObject().put("name", name).put("in", in).put("required", true)
        .putObject("schema").put("type", "string");
  }

  private static ObjectNode integration(Route route) {
    ObjectNode integration = JSON.createObjectNode();
    if (route.httpProxy() != null) {
      integration.put("type", "http_proxy").put("uri", route.httpProxy().uri())
          .put("httpMethod", route.httpProxy().method() == null ? "ANY" : route.httpProxy().method());
    } else {
      integration.put("type", "aws_proxy").put("httpMethod", "POST")
          .put("uri", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + route.functionName()
              + "/invocations")
          .put("payloadFormatVersion", route.format() == PayloadFormat.V1 ? "1.0" : "2.0");
    }
    return integration;
  }

  public byte[] json() {
    return json.clone();
  }
}
