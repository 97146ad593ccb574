package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.gateway.authorization.Authorizer;
import dev.lingogate.gateway.authorization.IdentitySource;
import dev.lingogate.gateway.authorization.LambdaAuthorizer;
import dev.lingogate.gateway.integration.FunctionOutcome;
import io.vertx.core.Vertx;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaAuthorizerTest {

  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String EXPLICIT_DENY =
      "{\"message\":\"User is not authorized to access this resource with an explicit deny\"}";

  /** The events the authorizer function received, in order. */
  private final List<JsonNode> authorizerEvents = new CopyOnWriteArrayList<>();
  private RunningGateway running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  /**
   * An authorizer in the style of AWS's blueprint: token "allow" gets an Allow policy for every
   * method and path, "deny" a Deny, "unauthorized" fails with Unauthorized, anything else breaks.
   */
  private TestFunctions policyAuthorizer() {
    return new TestFunctions().echo("echo").with("auth", event -> {
      JsonNode json = RunningGateway.json(new String(event, StandardCharsets.UTF_8));
      authorizerEvents.add(json);
      String token = json.has("authorizationToken") ? json.get("authorizationToken").asText()
          : json.path("headers").path("X-Caller").asText();
      String arn = json.get("methodArn").asText();
      String anyPath = arn.substring(0, arn.indexOf('/')) + "/*";
      return switch (token) {
        case "allow" -> TestFunctions.returned(policy("alice", "Allow", anyPath));
        case "deny" -> TestFunctions.returned(policy("mallory", "Deny", anyPath));
        case "only-languages" -> TestFunctions.returned(policy("bob", "Allow", anyPath.replace("/*", "/Prod/GET/languages")));
        case "unauthorized" -> CompletableFuture.completedFuture(new FunctionOutcome.Failed("Error", "Unauthorized"));
        default -> TestFunctions.returned("not a policy");
      };
    });
  }

  private static String policy(String principal, String effect, String resource) {
    return "{\"principalId\":\"" + principal + "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
        + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"" + resource + "\"}]},"
        + "\"context\":{\"tier\":\"gold\",\"credits\":7,\"admin\":false}}";
  }

  private void startRest(Authorizer authorizer) {
    running = new RunningGateway(GatewayOptions.defaults(),
        List.of(new Route("GET", "/translations/{id}", "echo", PayloadFormat.V1),
            new Route("GET", "/languages", "echo", PayloadFormat.V1),
            new Route("GET", "/health", "echo", PayloadFormat.V1).withAuthorizer(Route.NO_AUTHORIZER)),
        ApiSettings.none().withAuthorizers(Map.of("Token", authorizer), "Token"),
        policyAuthorizer());
  }

  @Test
  void tokenAuthorizerAllowingLetsTheRequestThroughWithPrincipalAndContext() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    HttpResponse<String> response = running.get("/translations/7", "Authorization", "allow");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode authorizer = RunningGateway.echoedEvent(response).get("requestContext").get("authorizer");
    assertThat(authorizer.get("principalId").asText()).isEqualTo("alice");
    assertThat(authorizer.get("tier").asText()).isEqualTo("gold");
    assertThat(authorizer.get("credits").asInt()).isEqualTo(7);
    assertThat(authorizer.get("admin").asBoolean()).isFalse();
    JsonNode event = authorizerEvents.get(0);
    assertThat(event.get("type").asText()).isEqualTo("TOKEN");
    assertThat(event.get("authorizationToken").asText()).isEqualTo("allow");
    assertThat(event.get("methodArn").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:lingogate1/Prod/GET/translations/7");
  }

  @Test
  void tokenAuthorizerDenyingIs403WithAnExplicitDeny() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    HttpResponse<String> response = running.get("/translations/7", "Authorization", "deny");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo(EXPLICIT_DENY);
  }

  @Test
  void policyNamingAnotherPathIs403NotAuthorized() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    assertThat(running.get("/languages", "Authorization", "only-languages").statusCode()).isEqualTo(200);
    HttpResponse<String> response = running.get("/translations/7", "Authorization", "only-languages");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"User is not authorized to access this resource\"}");
  }

  @Test
  void missingTokenIs401WithoutAskingTheAuthorizer() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    HttpResponse<String> response = running.get("/translations/7");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    assertThat(authorizerEvents).isEmpty();
  }

  @Test
  void tokenNotMatchingTheValidationExpressionIs401WithoutAskingTheAuthorizer() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO).withTokenValidation("^allow$"));

    HttpResponse<String> response = running.get("/translations/7", "Authorization", "deny");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(authorizerEvents).isEmpty();
  }

  @Test
  void requestRefusedBeforeItsBodyIsReadLeavesItsConnectionUsable() throws Exception {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", running.port())) {
      socket.setSoTimeout(5_000);
      java.io.OutputStream out = socket.getOutputStream();
      java.io.InputStream in = socket.getInputStream();
      out.write("GET /translations/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello"
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(RawHttp.read(in).status()).isEqualTo(401);

      out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(RawHttp.read(in).status()).isEqualTo(200);
    }
  }

  @Test
  void authorizerFailingWithUnauthorizedIs401() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    HttpResponse<String> response = running.get("/translations/7", "Authorization", "unauthorized");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void authorizerAnsweringNoPolicyIs500WithANullMessage() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    HttpResponse<String> response = running.get("/translations/7", "Authorization", "garbage");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":null}");
  }

  @Test
  void routeWithoutAuthorizerIsOpenDespiteTheDefault() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    assertThat(running.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void answersAreCachedByTokenForTheirTtlAndDecidedAgainForEachPath() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ofMinutes(5)));

    assertThat(running.get("/languages", "Authorization", "only-languages").statusCode()).isEqualTo(200);
    assertThat(running.get("/languages", "Authorization", "only-languages").statusCode()).isEqualTo(200);
    assertThat(running.get("/translations/1", "Authorization", "only-languages").statusCode()).isEqualTo(403);
    assertThat(running.get("/languages", "Authorization", "allow").statusCode()).isEqualTo(200);

    assertThat(authorizerEvents).hasSize(2);
  }

  @Test
  void withoutTtlEveryRequestAsksTheAuthorizer() {
    startRest(LambdaAuthorizer.token("auth", "Authorization", Duration.ZERO));

    running.get("/languages", "Authorization", "allow");
    running.get("/languages", "Authorization", "allow");

    assertThat(authorizerEvents).hasSize(2);
  }

  @Test
  void requestAuthorizerGetsTheRequestAndIs401WithoutItsIdentitySources() {
    startRest(LambdaAuthorizer.request("auth",
        List.of(IdentitySource.header("X-Caller"), IdentitySource.queryString("tenant")), Duration.ZERO));

    assertThat(running.get("/translations/7?tenant=t1").statusCode()).isEqualTo(401);
    assertThat(running.get("/translations/7", "X-Caller", "allow").statusCode()).isEqualTo(401);
    HttpResponse<String> response = running.get("/translations/7?tenant=t1", "X-Caller", "allow");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = authorizerEvents.get(0);
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("resource").asText()).isEqualTo("/translations/{id}");
    assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("7");
    assertThat(event.get("queryStringParameters").get("tenant").asText()).isEqualTo("t1");
    assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("Prod");
    assertThat(event.has("body")).isFalse();
  }

  @Test
  void httpApiSimpleResponsesAllowAndDenyAndPassTheContextAsLambda() {
    TestFunctions functions = new TestFunctions().echo("echo").with("auth", event -> {
      JsonNode json = RunningGateway.json(new String(event, StandardCharsets.UTF_8));
      authorizerEvents.add(json);
      boolean allowed = json.get("headers").path("authorization").asText().equals("let-me-in");
      return TestFunctions.returned("{\"isAuthorized\":" + allowed + ",\"context\":{\"user\":{\"name\":\"ann\"}}}");
    });
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(ApiKind.HTTP),
        List.of(new Route("GET", "/translations", "echo", PayloadFormat.V2).withAuthorizer("Simple")),
        ApiSettings.none().withAuthorizers(Map.of("Simple", LambdaAuthorizer.httpApi("auth", PayloadFormat.V2, true,
            List.of(IdentitySource.parse("$request.header.Authorization")), Duration.ZERO)), null),
        functions);

    HttpResponse<String> denied = running.get("/translations", "Authorization", "nope");
    HttpResponse<String> allowed = running.get("/translations", "Authorization", "let-me-in");

    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(RunningGateway.echoedEvent(allowed).at("/requestContext/authorizer/lambda/user/name").asText())
        .isEqualTo("ann");
    JsonNode event = authorizerEvents.get(0);
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("type").asText()).isEqualTo("REQUEST");
    assertThat(event.get("routeArn").asText()).endsWith("lingogate1/$default/GET/translations");
    assertThat(event.get("identitySource").get(0).asText()).isEqualTo("nope");
    assertThat(running.get("/translations").statusCode()).isEqualTo(401);
  }

  @Test
  void httpApiAuthorizerThatFailsIs500InternalServerError() {
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(ApiKind.HTTP),
        List.of(new Route("GET", "/translations", "echo", PayloadFormat.V2)),
        ApiSettings.none().withAuthorizers(Map.of("Simple", LambdaAuthorizer.httpApi("auth", PayloadFormat.V2, true,
            List.of(IdentitySource.parse("$request.header.Authorization")), Duration.ZERO)), "Simple"),
        new TestFunctions().echo("echo").with("auth", event ->
            CompletableFuture.completedFuture(new FunctionOutcome.Failed("Error", "boom"))));

    HttpResponse<String> response = running.get("/translations", "Authorization", "x");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void routeNamingAnUnknownAuthorizerFailsTheGatewaysConstruction() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> new Gateway(vertx, GatewayOptions.defaults(),
          List.of(new Route("GET", "/x", "echo", PayloadFormat.V1).withAuthorizer("Nope")),
          ApiSettings.none(), new TestFunctions()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Nope");
    } finally {
      RunningGateway.await(vertx.close());
    }
  }
}
