package dev.lingogate.stack.template;

import java.util.List;

/**
 * One {@code Api} or {@code HttpApi} event of a function: a method on a path of an API.
 *
 * @param method              upper case, or {@code ANY}
 * @param httpApi             true for {@code HttpApi} events (payload 2.0 unless the event says 1.0)
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0}
 * @param apiLogicalId        the API its {@code RestApiId}/{@code ApiId} names, or SAM's implicit API
 * @param apiKeyRequired      the event's own {@code Auth.ApiKeyRequired}; null to follow the API's
 * @param authorizer          the event's {@code Auth.Authorizer}, an authorizer of its API or {@code NONE};
 *                            null for the API's {@code DefaultAuthorizer}
 * @param checks              its {@code RequestParameters} and {@code RequestModel}
 * @param authorizationScopes its {@code Auth.AuthorizationScopes}, of which a JWT must carry one; empty for none
 */
public record RouteSpec(String method, String path, boolean httpApi, String payloadFormatVersion, String apiLogicalId,
        Boolean apiKeyRequired, String authorizer, RequestChecks checks, List<String> authorizationScopes) {

    public RouteSpec {
        checks = checks == null ? RequestChecks.NONE : checks;
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    /** A route whose event names no {@code AuthorizationScopes}. */
    public RouteSpec(String method, String path, boolean httpApi, String payloadFormatVersion, String apiLogicalId,
            Boolean apiKeyRequired, String authorizer, RequestChecks checks) {
        this(method, path, httpApi, payloadFormatVersion, apiLogicalId, apiKeyRequired, authorizer, checks, List.of());
    }

    /** Whether a caller needs an API key, given the API the route belongs to. */
    public boolean needsApiKey(ApiSpec api) {
        return apiKeyRequired == null ? api.apiKeyRequired() : apiKeyRequired;
    }
}
