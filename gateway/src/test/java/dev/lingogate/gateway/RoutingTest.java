package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static final List<Route> ROUTES = List.of(
      new Route("GET", "/translations/latest", "literal", PayloadFormat.V1),
      new Route("GET", "/translations/{id}", "parameter", PayloadFormat.V1),
      new Route("ANY", "/translations/{id}", "anyOnParameter", PayloadFormat.V1),
      new Route("ANY", "/{proxy+}", "greedy", PayloadFormat.V1),
      new Route("POST", "/translations", "create", PayloadFormat.V1));

  private final TestFunctions functions = new TestFunctions()
      .echo("literal").echo("parameter").echo("anyOnParameter").echo("greedy").echo("create");

  private RunningGateway running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  private RunningGateway start(ApiKind kind, List<Route> routes) {
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(kind), routes, functions);
    return running;
  }

  private static String resource(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return RunningGateway.echoedEvent(response).get("resource").asText();
  }

  @Test
  void literalSegmentWinsOverParameter() {
    start(ApiKind.REST, ROUTES);
    assertThat(resource(running.get("/translations/latest"))).isEqualTo("/translations/latest");
  }

  @Test
  void parameterWinsOverGreedyVariable() {
    start(ApiKind.REST, ROUTES);
    assertThat(resource(running.get("/translations/42"))).isEqualTo("/translations/{id}");
  }

  @Test
  void greedyVariableCatchesDeeperPaths() {
    start(ApiKind.REST, ROUTES);
    HttpResponse<String> response = running.get("/translations/42/history/1");
    assertThat(resource(response)).isEqualTo("/{proxy+}");
    assertThat(RunningGateway.echoedEvent(response).get("pathParameters").get("proxy").asText())
        .isEqualTo("translations/42/history/1");
  }

  @Test
  void greedyVariableOfOneSegmentIsThatSegment() {
    start(ApiKind.REST, ROUTES);
    HttpResponse<String> response = running.get("/glossary");
    assertThat(resource(response)).isEqualTo("/{proxy+}");
    assertThat(RunningGateway.echoedEvent(response).get("pathParameters").get("proxy").asText()).isEqualTo("glossary");
  }

  @Test
  void severalPathParametersComeInTheTemplatesOrder() {
    start(ApiKind.REST, List.of(new Route("GET", "/users/{user}/translations/{id}/{rest+}", "greedy", PayloadFormat.V1)));
    HttpResponse<String> response = running.get("/users/ann/translations/7/history/2");
    JsonNode parameters = RunningGateway.echoedEvent(response).get("pathParameters");
    assertThat(parameters.toString()).isEqualTo("{\"user\":\"ann\",\"id\":\"7\",\"rest\":\"history/2\"}");
  }

  @Test
  void exactMethodWinsOverAnyOnTheSamePath() {
    start(ApiKind.REST, ROUTES);
    HttpResponse<String> get = running.get("/translations/42");
    HttpResponse<String> delete = running.send("DELETE", "/translations/42", null);
    assertThat(get.headers().firstValue("x-function")).hasValue("parameter");
    assertThat(delete.headers().firstValue("x-function")).hasValue("anyOnParameter");
    assertThat(resource(delete)).isEqualTo("/translations/{id}");
    assertThat(RunningGateway.echoedEvent(delete).get("httpMethod").asText()).isEqualTo("DELETE");
  }

  @Test
  void anyMatchesEveryMethod() {
    start(ApiKind.REST, List.of(new Route("ANY", "/things", "greedy", PayloadFormat.V1)));
    for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      assertThat(running.send(method, "/things", null).statusCode()).as(method).isEqualTo(200);
    }
  }

  @Test
  void pathParametersAreUrlDecoded() {
    start(ApiKind.REST, ROUTES);
    HttpResponse<String> response = running.get("/translations/caf%C3%A9%20au%2Blait");
    assertThat(RunningGateway.echoedEvent(response).get("pathParameters").get("id").asText())
        .isEqualTo("café au+lait");
  }

  @Test
  void restApiAnswersUnknownPathWith403MissingAuthenticationToken() {
    start(ApiKind.REST, List.of(new Route("GET", "/translations", "create", PayloadFormat.V1)));
    HttpResponse<String> response = running.get("/nowhere");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void restApiAnswersUnknownMethodWith403MissingAuthenticationToken() {
    start(ApiKind.REST, List.of(new Route("POST", "/translations", "create", PayloadFormat.V1)));
    HttpResponse<String> response = running.get("/translations");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void httpApiAnswersUnknownRouteWith404NotFound() {
    start(ApiKind.HTTP, List.of(new Route("POST", "/translations", "create", PayloadFormat.V2)));
    HttpResponse<String> response = running.get("/translations");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void greedyVariableNeedsAtLeastOneSegment() {
    start(ApiKind.HTTP, List.of(new Route("GET", "/files/{proxy+}", "greedy", PayloadFormat.V2)));
    assertThat(running.get("/files").statusCode()).isEqualTo(404);
    assertThat(running.get("/files/a").statusCode()).isEqualTo(200);
  }

  @Test
  void brokenPercentEscapeInPathIsABadRequest() {
    start(ApiKind.REST, ROUTES);
    RawHttp.Answer answer = RawHttp.exchange(running.port(),
        "GET /translations/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("{\"message\":\"Bad Request\"}");
  }
}
