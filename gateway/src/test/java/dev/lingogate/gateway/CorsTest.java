package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.gateway.cors.CorsConfiguration;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorsTest {

  private static final String PAGE = "https://app.example.com";
  private static final List<Route> ROUTES = List.of(
      new Route("GET", "/translations", "list", PayloadFormat.V2),
      new Route("POST", "/translations", "list", PayloadFormat.V2),
      new Route("DELETE", "/translations/{id}", "plain", PayloadFormat.V2));

  /** A function that sets CORS headers of its own, as many backends do. */
  private static final TestFunctions FUNCTIONS = new TestFunctions().answering("list",
      "{\"statusCode\":200,\"headers\":{\"access-control-allow-origin\":\"https://backend.example\","
          + "\"access-control-allow-methods\":\"TRACE\"},\"body\":\"[]\"}")
      .answering("plain", "{\"statusCode\":204}");

  private RunningGateway running;

  @AfterEach
  void stop() {
    running.close();
  }

  private void start(ApiKind kind, CorsConfiguration cors) {
    List<Route> routes = kind == ApiKind.HTTP ? ROUTES : ROUTES.stream()
        .map(route -> new Route(route.method(), route.pathTemplate(), route.functionName(), PayloadFormat.V1)).toList();
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(kind), routes,
        ApiSettings.none().withCors(cors), FUNCTIONS);
  }

  /** What a browser sends before a cross-origin POST with a JSON body. */
  private HttpResponse<String> preflight(String path, String origin) {
    return running.send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type,x-api-key");
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  @Nested
  class HttpApi {

    private final CorsConfiguration cors = new CorsConfiguration(List.of(PAGE, "https://*.partner.example"),
        List.of("GET", "POST"), List.of("content-type", "x-api-key"), List.of("x-amzn-requestid"), 300, true);

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGatewayWith204() {
      start(ApiKind.HTTP, cors);
      HttpResponse<String> answer = preflight("/translations", PAGE);
      assertThat(answer.statusCode()).isEqualTo(204);
      assertThat(answer.body()).isEmpty();
      assertThat(header(answer, "access-control-allow-origin")).isEqualTo(PAGE);
      assertThat(header(answer, "access-control-allow-methods")).isEqualTo("GET,POST");
      assertThat(header(answer, "access-control-allow-headers")).isEqualTo("content-type,x-api-key");
      assertThat(header(answer, "access-control-max-age")).isEqualTo("300");
      assertThat(header(answer, "access-control-allow-credentials")).isEqualTo("true");
    }

    @Test
    void preflightIsAnsweredEvenForAPathNoRouteHas() {
      start(ApiKind.HTTP, cors);
      assertThat(preflight("/nowhere", PAGE).statusCode()).isEqualTo(204);
    }

    @Test
    void wildcardSubdomainOriginIsAllowed() {
      start(ApiKind.HTTP, cors);
      assertThat(header(preflight("/translations", "https://eu.partner.example"), "access-control-allow-origin"))
          .isEqualTo("https://eu.partner.example");
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
      start(ApiKind.HTTP, cors);
      HttpResponse<String> answer = preflight("/translations", "https://evil.example");
      assertThat(answer.statusCode()).isEqualTo(204);
      assertThat(header(answer, "access-control-allow-origin")).isNull();
      assertThat(header(answer, "access-control-allow-methods")).isNull();
    }

    @Test
    void backendCorsHeadersAreReplacedByTheConfiguredOnes() {
      start(ApiKind.HTTP, cors);
      HttpResponse<String> answer = running.get("/translations", "Origin", PAGE);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().allValues("access-control-allow-origin")).containsExactly(PAGE);
      assertThat(header(answer, "access-control-allow-methods")).isNull();
      assertThat(header(answer, "access-control-allow-credentials")).isEqualTo("true");
      assertThat(header(answer, "access-control-expose-headers")).isEqualTo("x-amzn-requestid");
    }

    @Test
    void answerToAnotherOriginCarriesNoCorsHeadersAtAll() {
      start(ApiKind.HTTP, cors);
      HttpResponse<String> answer = running.get("/translations", "Origin", "https://evil.example");
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }

    @Test
    void anyOriginWithoutCredentialsIsAnsweredWithAStar() {
      start(ApiKind.HTTP, CorsConfiguration.allowingAnyOrigin());
      HttpResponse<String> answer = preflight("/translations", PAGE);
      assertThat(header(answer, "access-control-allow-origin")).isEqualTo("*");
      assertThat(header(answer, "access-control-allow-methods")).isEqualTo("POST");
      assertThat(header(answer, "access-control-allow-headers")).isEqualTo("content-type,x-api-key");
    }

    @Test
    void withoutCorsAnOptionsRequestIsRoutedLikeAnyOther() {
      start(ApiKind.HTTP, null);
      assertThat(preflight("/translations", PAGE).statusCode()).isEqualTo(404);
    }
  }

  @Nested
  class RestApi {

    private final CorsConfiguration cors =
        new CorsConfiguration(List.of("*"), List.of(), List.of("Content-Type", "X-Api-Key"), List.of(), 600, false);

    @Test
    void preflightIsAnsweredLikeSamsMockOptionsMethod() {
      start(ApiKind.REST, cors);
      HttpResponse<String> answer = preflight("/translations", PAGE);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{}");
      assertThat(header(answer, "access-control-allow-origin")).isEqualTo("*");
      assertThat(header(answer, "access-control-allow-methods")).isEqualTo("GET,OPTIONS,POST");
      assertThat(header(answer, "access-control-allow-headers")).isEqualTo("Content-Type,X-Api-Key");
      assertThat(header(answer, "access-control-max-age")).isEqualTo("600");
    }

    @Test
    void preflightOfAPathWithAVariableListsThatPathsMethods() {
      start(ApiKind.REST, cors);
      assertThat(header(preflight("/translations/42", PAGE), "access-control-allow-methods"))
          .isEqualTo("DELETE,OPTIONS");
    }

    @Test
    void preflightOfAPathTheApiDoesNotHaveIsMissingAuthenticationToken() {
      start(ApiKind.REST, cors);
      HttpResponse<String> answer = preflight("/nowhere", PAGE);
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void functionAnswersGetTheAllowOriginHeaderUnlessTheySetOne() {
      start(ApiKind.REST, cors);
      HttpResponse<String> own = running.get("/translations", "Origin", PAGE);
      assertThat(own.headers().allValues("access-control-allow-origin")).containsExactly("https://backend.example");
      HttpResponse<String> added = running.send("DELETE", "/translations/42", null, "Origin", PAGE);
      assertThat(added.statusCode()).isEqualTo(204);
      assertThat(added.headers().allValues("access-control-allow-origin")).containsExactly("*");
    }
  }
}
