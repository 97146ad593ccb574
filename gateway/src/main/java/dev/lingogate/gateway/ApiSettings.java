package dev.lingogate.gateway;

import dev.lingogate.gateway.admission.ApiKeyStore;
import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.UsagePlan;
import dev.lingogate.gateway.authorization.Authorizer;
import dev.lingogate.gateway.cors.CorsConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the template says about the API as a whole beyond its routes.
 *
 * @param cors the API's CORS settings; null when it has none
 * @param usagePlans the plans API keys are members of
 * @param methodThrottling the stage's throttling settings, stage-wide and per method
 * @param apiKeys where the keys live; null when no route requires one
 * @param authorizers the API's authorizers by name ({@code Auth.Authorizers})
 * @param defaultAuthorizer the authorizer of routes that name none ({@code Auth.DefaultAuthorizer}); null for none
 * @param stageVariables the stage's variables ({@code Variables}), passed to functions in their events
 * @param binaryMediaTypes the REST API's {@code BinaryMediaTypes}: request bodies of these types reach
 *     functions base64-encoded; empty to tell binary bodies by their media type
 * @param preflightNeedsApiKey whether a CORS preflight needs an API key like the API's methods, as SAM
 *     makes it for an Api with {@code Auth.ApiKeyRequired} unless {@code AddApiKeyRequiredToCorsPreflight: false}
 */
public record ApiSettings(CorsConfiguration cors, List<UsagePlan> usagePlans, List<MethodThrottle> methodThrottling,
                          ApiKeyStore apiKeys, Map<String, Authorizer> authorizers, String defaultAuthorizer,
                          Map<String, String> stageVariables, List<String> binaryMediaTypes,
                          boolean preflightNeedsApiKey) {

  public ApiSettings {
    usagePlans = usagePlans == null ? List.of() : List.copyOf(usagePlans);
    methodThrottling = methodThrottling == null ? List.of() : List.copyOf(methodThrottling);
    authorizers = authorizers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(authorizers));
    stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
    binaryMediaTypes = binaryMediaTypes == null ? List.of() : List.copyOf(binaryMediaTypes);
  }

  public ApiSettings(CorsConfiguration cors, List<UsagePlan> usagePlans, List<MethodThrottle> methodThrottling,
                     ApiKeyStore apiKeys) {
    this(cors, usagePlans, methodThrottling, apiKeys, Map.of(), null, Map.of(), List.of(), false);
  }

  /** No CORS, no keys, no throttling, no authorizers. */
  public static ApiSettings none() {
    return new ApiSettings(null, List.of(), List.of(), null);
  }

  public ApiSettings withCors(CorsConfiguration newCors) {
    return new ApiSettings(newCors, usagePlans, methodThrottling, apiKeys, authorizers, defaultAuthorizer,
        stageVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  public ApiSettings withUsagePlans(List<UsagePlan> newPlans) {
    return new ApiSettings(cors, newPlans, methodThrottling, apiKeys, authorizers, defaultAuthorizer,
        stageVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  public ApiSettings withMethodThrottling(List<MethodThrottle> newThrottling) {
    return new ApiSettings(cors, usagePlans, newThrottling, apiKeys, authorizers, defaultAuthorizer,
        stageVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  public ApiSettings withApiKeys(ApiKeyStore newKeys) {
    return new ApiSettings(cors, usagePlans, methodThrottling, newKeys, authorizers, defaultAuthorizer,
        stageVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  /** @param newDefault the name of the authorizer guarding routes that name none, or null */
  public ApiSettings withAuthorizers(Map<String, Authorizer> newAuthorizers, String newDefault) {
    return new ApiSettings(cors, usagePlans, methodThrottling, apiKeys, newAuthorizers, newDefault,
        stageVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  public ApiSettings withStageVariables(Map<String, String> newVariables) {
    return new ApiSettings(cors, usagePlans, methodThrottling, apiKeys, authorizers, defaultAuthorizer,
        newVariables, binaryMediaTypes, preflightNeedsApiKey);
  }

  public ApiSettings withBinaryMediaTypes(List<String> newTypes) {
    return new ApiSettings(cors, usagePlans, methodThrottling, apiKeys, authorizers, defaultAuthorizer,
        stageVariables, newTypes, preflightNeedsApiKey);
  }

  /** The same settings, a CORS preflight needing an API key or not ({@code AddApiKeyRequiredToCorsPreflight}). */
  public ApiSettings withApiKeyOnPreflight(boolean needed) {
    return new ApiSettings(cors, usagePlans, methodThrottling, apiKeys, authorizers, defaultAuthorizer,
        stageVariables, binaryMediaTypes, needed);
  }
}
