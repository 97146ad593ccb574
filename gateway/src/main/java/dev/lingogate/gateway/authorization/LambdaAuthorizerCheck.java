package dev.lingogate.gateway.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.event.ProxyEvent;
import dev.lingogate.gateway.integration.FunctionOutcome;
import dev.lingogate.gateway.integration.Integration;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.routing.RouteMatch;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks a Lambda authorizer about a request: refuses with 401 a request without its identity
 * sources, else reuses the answer cached for the same identity or invokes the function, then
 * decides by the answer. The function failing with "Unauthorized" is a 401; failing otherwise, or
 * answering something that is not an authorization, a 500.
 */
final class LambdaAuthorizerCheck implements AuthorizerCheck {

  private final String name;
  private final LambdaAuthorizer authorizer;
  private final Integration integration;
  private final ProxyEvent events;
  private final ApiKind kind;
  private final String stage;
  private final Map<String, String> stageVariables;
  private final AnswerCache cache;

  LambdaAuthorizerCheck(String name, LambdaAuthorizer authorizer, Integration integration, ProxyEvent events,
                        ApiKind kind, String stage, Map<String, String> stageVariables) {
    this.name = name;
    this.authorizer = authorizer;
    this.integration = integration;
    this.events = events;
    this.kind = kind;
    this.stage = stage;
    this.stageVariables = stageVariables;
    this.cache = new AnswerCache(authorizer.resultTtl());
  }

  @Override
  public Future<Authorization> check(IncomingRequest request, RouteMatch match) {
    List<String> identity = new ArrayList<>();
    for (IdentitySource source : authorizer.identitySources()) {
      String value = source.valueIn(request, stageVariables);
      if (value == null) {
        return Future.failedFuture(new RequestRejected(GatewayError.UNAUTHORIZED,
            "authorizer " + name + ": no " + source.kind() + " " + source.name()));
      }
      identity.add(value);
    }
    boolean token = authorizer.type() == LambdaAuthorizer.Type.TOKEN;
    if (token && authorizer.tokenValidation() != null
        && !authorizer.tokenValidation().matcher(identity.get(0)).matches()) {
      return Future.failedFuture(new RequestRejected(GatewayError.UNAUTHORIZED,
          "authorizer " + name + ": the token does not match the validation expression"));
    }
    String arn = ProxyEvent.executeApiArn(stage, request.method(), request.rawPath());
    // Without identity sources every request is a new identity: nothing to cache by.
    String cacheKey = cache.enabled() && !identity.isEmpty() ? String.join("\n", identity) : null;
    AuthorizerAnswer cached = cacheKey == null ? null : cache.get(cacheKey);
    if (cached != null) {
      return admit(cached, arn, 0);
    }
    byte[] event = token
        ? tokenEvent(identity.get(0), arn)
        : events.authorizerRequest(request, match, authorizer.payloadFormat(), arn, identity);
    long started = System.nanoTime();
    return integration.invoke(authorizer.functionName(), event).compose(outcome -> {
      AuthorizerAnswer answer = read(outcome);
      if (cacheKey != null) {
        cache.put(cacheKey, answer);
      }
      return admit(answer, arn, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    });
  }

  private Future<Authorization> admit(AuthorizerAnswer answer, String arn, long latencyMillis) {
    try {
      return Future.succeededFuture(answer.admit(arn, kind, latencyMillis));
    } catch (RequestRejected rejected) {
      return Future.failedFuture(rejected);
    }
  }

  private static byte[] tokenEvent(String token, String methodArn) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", "TOKEN");
    event.put("authorizationToken", token);
    event.put("methodArn", methodArn);
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }

  private AuthorizerAnswer read(FunctionOutcome outcome) {
    if (outcome instanceof FunctionOutcome.Returned returned) {
      try {
        return AuthorizerAnswer.read(returned.payload(), authorizer.simpleResponses(), kind == ApiKind.REST);
      } catch (IllegalArgumentException e) {
        throw failed("answered no authorization: " + e.getMessage());
      }
    }
    if (outcome instanceof FunctionOutcome.Failed failedCall && "Unauthorized".equals(failedCall.errorMessage())) {
      throw new RequestRejected(GatewayError.UNAUTHORIZED, "authorizer " + name + " answered Unauthorized");
    }
    throw failed("did not answer: " + outcome);
  }

  private RequestRejected failed(String reason) {
    GatewayError error = kind == ApiKind.REST ? GatewayError.AUTHORIZER_FAILED : GatewayError.INTERNAL_SERVER_ERROR;
    return new RequestRejected(error, "authorizer " + name + " " + reason);
  }
}
