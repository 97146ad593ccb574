package dev.lingogate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.lingogate.gateway.authorization.JwtAuthorizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthorizerTest {

  private static final String ISSUER = "https://issuer.example.com";
  private static final String AUDIENCE = "lingogate-web";
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";

  private static RSAKey issuerKey;
  private static RSAKey strangerKey;

  @TempDir
  Path directory;

  private RunningGateway running;
  private Vertx issuerVertx;

  @BeforeAll
  static void makeKeys() throws JOSEException {
    issuerKey = new RSAKeyGenerator(2048).keyID("issuer-1").generate();
    strangerKey = new RSAKeyGenerator(2048).keyID("issuer-1").generate();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    if (issuerVertx != null) {
      RunningGateway.await(issuerVertx.close());
    }
  }

  private static final Route TRANSLATIONS = new Route("GET", "/translations", "echo", PayloadFormat.V2);

  private void start(JwtAuthorizer authorizer) {
    start(authorizer, TRANSLATIONS);
  }

  private void start(JwtAuthorizer authorizer, Route route) {
    running = new RunningGateway(GatewayOptions.defaults().withApiKind(ApiKind.HTTP), List.of(route),
        ApiSettings.none().withAuthorizers(Map.of("Jwt", authorizer), "Jwt"),
        new TestFunctions().echo("echo"));
  }

  private void startWithKeyFile() throws Exception {
    startWithKeyFile(TRANSLATIONS);
  }

  private void startWithKeyFile(Route route) throws Exception {
    Path jwks = directory.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(issuerKey.toPublicJWK()).toString());
    start(JwtAuthorizer.withKeysFrom(jwks, ISSUER, List.of(AUDIENCE)), route);
  }

  private static String token(RSAKey key, String issuer, String audience, long expiresInSeconds) throws JOSEException {
    return token(key, issuer, audience, expiresInSeconds, "scope", "translations.read translations.write");
  }

  private static String token(RSAKey key, String issuer, String audience, long expiresInSeconds,
                              String scopeClaim, Object scopes) throws JOSEException {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("ann")
        .claim(scopeClaim, scopes)
        .expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void validTokenReachesTheFunctionWithItsClaimsAndScopes() throws Exception {
    startWithKeyFile();

    HttpResponse<String> response = running.get("/translations",
        "Authorization", "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode jwt = RunningGateway.echoedEvent(response).at("/requestContext/authorizer/jwt");
    assertThat(jwt.at("/claims/sub").asText()).isEqualTo("ann");
    assertThat(jwt.at("/claims/iss").asText()).isEqualTo(ISSUER);
    assertThat(jwt.get("scopes").get(0).asText()).isEqualTo("translations.read");
    assertThat(jwt.get("scopes").get(1).asText()).isEqualTo("translations.write");
  }

  @Test
  void missingTokenIs401() throws Exception {
    startWithKeyFile();

    HttpResponse<String> response = running.get("/translations");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
    assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer");
  }

  @Test
  void tokenSignedByAnotherKeyIs401() throws Exception {
    startWithKeyFile();

    HttpResponse<String> response = running.get("/translations", "Authorization",
        token(strangerKey, ISSUER, AUDIENCE, 60));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token signature is invalid\"");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    startWithKeyFile();

    HttpResponse<String> response = running.get("/translations", "Authorization",
        token(issuerKey, ISSUER, AUDIENCE, -600));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("www-authenticate"))
        .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token has expired\"");
  }

  @Test
  void tokenOfAnotherIssuerOrAudienceIs401WithAChallengeSayingWhich() throws Exception {
    startWithKeyFile();

    HttpResponse<String> otherIssuer = running.get("/translations", "Authorization",
        token(issuerKey, "https://evil.example.com", AUDIENCE, 60));
    HttpResponse<String> otherAudience = running.get("/translations", "Authorization",
        token(issuerKey, ISSUER, "someone-else", 60));

    assertThat(otherIssuer.statusCode()).isEqualTo(401);
    assertThat(otherIssuer.headers().firstValue("www-authenticate"))
        .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid issuer\"");
    assertThat(otherAudience.statusCode()).isEqualTo(401);
    assertThat(otherAudience.body()).isEqualTo(UNAUTHORIZED);
    assertThat(otherAudience.headers().firstValue("www-authenticate"))
        .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\"");
  }

  @Test
  void aRouteWithScopesLetsInATokenCarryingOneOfThem() throws Exception {
    startWithKeyFile(TRANSLATIONS.withAuthorizationScopes(List.of("admin", "translations.write")));

    HttpResponse<String> scopeClaim = running.get("/translations", "Authorization",
        "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60));
    HttpResponse<String> scpClaim = running.get("/translations", "Authorization",
        "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60, "scp", List.of("admin")));

    assertThat(scopeClaim.statusCode()).isEqualTo(200);
    assertThat(scpClaim.statusCode()).isEqualTo(200);
  }

  @Test
  void theDefaultAuthorizersOwnScopesGuardARouteThatNamesNone() throws Exception {
    Path jwks = directory.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(issuerKey.toPublicJWK()).toString());
    start(JwtAuthorizer.withKeysFrom(jwks, ISSUER, List.of(AUDIENCE)).withAuthorizationScopes(List.of("admin")));

    HttpResponse<String> withoutAdmin = running.get("/translations", "Authorization",
        "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60));
    HttpResponse<String> withAdmin = running.get("/translations", "Authorization",
        "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60, "scope", "admin"));

    assertThat(withoutAdmin.statusCode()).isEqualTo(403);
    assertThat(withAdmin.statusCode()).isEqualTo(200);
  }

  @Test
  void aValidTokenWithNoneOfTheRoutesScopesIs403Forbidden() throws Exception {
    startWithKeyFile(TRANSLATIONS.withAuthorizationScopes(List.of("admin")));

    HttpResponse<String> response = running.get("/translations", "Authorization",
        "Bearer " + token(issuerKey, ISSUER, AUDIENCE, 60));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
  }

  @Test
  void somethingThatIsNotAJwtIs401() throws Exception {
    startWithKeyFile();

    HttpResponse<String> response = running.get("/translations", "Authorization", "Bearer not.a.jwt");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo(UNAUTHORIZED);
  }

  @Test
  void keysAreFetchedOnceFromTheIssuersJwksUrl() throws Exception {
    issuerVertx = Vertx.vertx();
    AtomicInteger fetches = new AtomicInteger();
    HttpServer issuer = RunningGateway.await(issuerVertx.createHttpServer().requestHandler(request -> {
      fetches.incrementAndGet();
      request.response().putHeader("content-type", "application/json")
          .end(new JWKSet(issuerKey.toPublicJWK()).toString());
    }).listen(0, "127.0.0.1"));
    start(JwtAuthorizer.withKeysAt(URI.create("http://127.0.0.1:" + issuer.actualPort() + "/.well-known/jwks.json"),
        ISSUER, List.of(AUDIENCE)));

    String token = token(issuerKey, ISSUER, AUDIENCE, 60);
    assertThat(running.get("/translations", "Authorization", token).statusCode()).isEqualTo(200);
    assertThat(running.get("/translations", "Authorization", token).statusCode()).isEqualTo(200);

    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void anUnreachableJwksUrlIs401() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    start(JwtAuthorizer.withKeysAt(URI.create("http://127.0.0.1:" + closedPort + "/jwks"), ISSUER, List.of(AUDIENCE)));

    assertThat(running.get("/translations", "Authorization", token(issuerKey, ISSUER, AUDIENCE, 60)).statusCode())
        .isEqualTo(401);
  }
}
