package dev.lingogate.gateway.authorization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import dev.lingogate.gateway.routing.RouteMatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the bearer token of a request as an HTTP API's JWT authorizer does: signed by one of
 * the issuer's keys, issued by the issuer, for one of the audiences ({@code aud} or {@code
 * client_id}), not expired and already valid. Anything wrong is a 401 with a {@code www-authenticate}
 * challenge saying what, as API Gateway sends it; a valid token without any of the route's
 * {@code AuthorizationScopes} is a 403. The claims reach the function as strings, as API Gateway
 * passes them.
 */
final class JwtCheck implements AuthorizerCheck {

  private static final Set<JWSAlgorithm> SIGNATURES = new HashSet<>();

  static {
    SIGNATURES.addAll(JWSAlgorithm.Family.RSA);
    SIGNATURES.addAll(JWSAlgorithm.Family.EC);
  }

  private static final String CHALLENGE_HEADER = "www-authenticate";

  private final String name;
  private final JwtAuthorizer authorizer;
  private final JwksKeys keys;

  JwtCheck(Vertx vertx, String name, JwtAuthorizer authorizer) {
    this.name = name;
    this.authorizer = authorizer;
    this.keys = authorizer.jwksFile() != null
        ? JwksKeys.fromFile(authorizer.jwksFile())
        : JwksKeys.at(vertx, authorizer.jwksUri());
  }

  @Override
  public Future<Authorization> check(IncomingRequest request, RouteMatch match) {
    String value = authorizer.identitySource().valueIn(request, Map.of());
    if (value == null) {
      // RFC 6750 3.1: a request that carries no token is told the scheme, with no error code.
      return Future.failedFuture(new RequestRejected(GatewayError.UNAUTHORIZED,
          "JWT authorizer " + name + ": no token in " + authorizer.identitySource().name())
          .withHeader(CHALLENGE_HEADER, "Bearer"));
    }
    String token = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      return Future.failedFuture(unauthorized("the token is not a signed JWT", "the token is not a valid JWT"));
    }
    return keys.withKeyId(jwt.getHeader().getKeyID())
        .recover(noKeys -> Future.failedFuture(unauthorized(noKeys.getMessage(), "the token's signing key is not known")))
        .map(jwks -> inScope(verified(jwt, jwks), scopesOf(match.route())));
  }

  /** The route's own scopes; for a route under the default authorizer that names none, the authorizer's. */
  private List<String> scopesOf(Route route) {
    boolean byDefault = route.authorizer() == null;
    return route.authorizationScopes().isEmpty() && byDefault
        ? authorizer.authorizationScopes()
        : route.authorizationScopes();
  }

  /** AWS: a route with scopes lets a token through when it carries at least one of them. */
  private Authorization inScope(Authorization authorization, List<String> routeScopes) {
    if (!routeScopes.isEmpty() && authorization.scopes().stream().noneMatch(routeScopes::contains)) {
      throw new RequestRejected(GatewayError.FORBIDDEN, "JWT authorizer " + name + ": the token carries none of "
          + routeScopes + " (it has " + authorization.scopes() + ")");
    }
    return authorization;
  }

  private Authorization verified(SignedJWT jwt, JWKSet jwks) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SIGNATURES, new ImmutableJWKSet<>(jwks)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
        new JWTClaimsSet.Builder().issuer(authorizer.issuer()).build(), Set.of("exp")));
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJOSEException | JOSEException e) {
      throw unauthorized(e.getMessage(), describe(e));
    }
    if (!forOneOfTheAudiences(claims)) {
      throw unauthorized("the token is for none of the audiences " + authorizer.audiences(),
          "the token does not have a valid audience");
    }
    return Authorization.jwt(stringClaims(claims), scopes(claims));
  }

  private boolean forOneOfTheAudiences(JWTClaimsSet claims) {
    List<String> audiences = new ArrayList<>(claims.getAudience());
    Object clientId = claims.getClaim("client_id");
    if (clientId instanceof String id) {
      audiences.add(id);
    }
    return audiences.stream().anyMatch(authorizer.audiences()::contains);
  }

  /** API Gateway passes every claim as a string; a list as {@code [a b]}. */
  private static ObjectNode stringClaims(JWTClaimsSet claims) {
    ObjectNode strings = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, Object> claim : claims.toJSONObject().entrySet()) {
      Object value = claim.getValue();
      strings.put(claim.getKey(), value instanceof Collection<?> list
          ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]"
          : String.valueOf(value));
    }
    return strings;
  }

  /** The {@code scope} claim's space-separated scopes, or the {@code scp} claim's. */
  private static List<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    if (scope == null) {
      scope = claims.getClaim("scp");
    }
    if (scope instanceof String text) {
      return List.of(text.trim().split("\\s+"));
    }
    if (scope instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /**
   * What the client's challenge says went wrong. AWS documents one wording ("the token does not have
   * a valid audience"); the others follow it. The JOSE library tells a failure only by its message.
   */
  private static String describe(Exception failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.startsWith("Expired JWT")) {
      return "the token has expired";
    }
    if (message.startsWith("JWT before use time")) {
      return "the token is not valid yet";
    }
    if (message.contains("iss claim") || message.contains("issuer")) {
      return "the token does not have a valid issuer";
    }
    return "the token signature is invalid";
  }

  /** A 401 whose {@code www-authenticate} header says what was wrong, in API Gateway's form. */
  private RequestRejected unauthorized(String reason, String description) {
    return new RequestRejected(GatewayError.UNAUTHORIZED, "JWT authorizer " + name + ": " + reason)
        .withHeader(CHALLENGE_HEADER, "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
  }

  @Override
  public Future<Void> close() {
    return keys.close();
  }
}
