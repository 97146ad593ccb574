package dev.lingogate.gateway.authorization;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An HTTP API's JWT authorizer: the bearer token must be signed by one of the issuer's keys, name
 * the issuer as {@code iss}, one of the audiences as {@code aud} (or {@code client_id}), and be
 * within its {@code nbf}/{@code exp}.
 *
 * @param jwksFile a local JWKS file with the issuer's public keys; or null and jwksUri
 * @param jwksUri where the issuer publishes its JWKS (an http URL on 127.0.0.1 here); or null and jwksFile
 * @param identitySource where the token is; {@code $request.header.Authorization} by default
 * @param authorizationScopes the authorizer's own {@code AuthorizationScopes}: as SAM expands them, the
 *     scopes of the routes it guards as the API's default authorizer that name none of their own
 */
public record JwtAuthorizer(String issuer, List<String> audiences, Path jwksFile, URI jwksUri,
                            IdentitySource identitySource, List<String> authorizationScopes) implements Authorizer {

  public JwtAuthorizer {
    Objects.requireNonNull(issuer, "issuer");
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("a JWT authorizer needs at least one audience");
    }
    if ((jwksFile == null) == (jwksUri == null)) {
      throw new IllegalArgumentException("a JWT authorizer needs exactly one of a JWKS file and a JWKS URI");
    }
    identitySource = identitySource == null ? IdentitySource.header("Authorization") : identitySource;
    authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
  }

  /** An authorizer without scopes of its own. */
  public JwtAuthorizer(String issuer, List<String> audiences, Path jwksFile, URI jwksUri,
                       IdentitySource identitySource) {
    this(issuer, audiences, jwksFile, jwksUri, identitySource, List.of());
  }

  /** The same authorizer with scopes of its own ({@code AuthorizationScopes}). */
  public JwtAuthorizer withAuthorizationScopes(List<String> scopes) {
    return new JwtAuthorizer(issuer, audiences, jwksFile, jwksUri, identitySource, scopes);
  }

  /** Keys from a local JWKS file. */
  public static JwtAuthorizer withKeysFrom(Path jwksFile, String issuer, List<String> audiences) {
    return new JwtAuthorizer(issuer, audiences, jwksFile, null, null);
  }

  /** Keys fetched from the issuer's JWKS URL, and fetched again for a key id not seen yet. */
  public static JwtAuthorizer withKeysAt(URI jwksUri, String issuer, List<String> audiences) {
    return new JwtAuthorizer(issuer, audiences, null, jwksUri, null);
  }
}
