package dev.lingogate.gateway;

import dev.lingogate.gateway.admission.ApiKeyStore;
import dev.lingogate.gateway.admission.MethodThrottle;
import dev.lingogate.gateway.admission.UsagePlan;
import dev.lingogate.gateway.cors.CorsConfiguration;
import java.util.List;

/**
 * What the template says about the API as a whole beyond its routes.
 *
 * @param cors the API's CORS settings; null when it has none
 * @param usagePlans the plans API keys are members of
 * @param methodThrottling the stage's throttling settings, stage-wide and per method
 * @param apiKeys where the keys live; null when no route requires one
 */
public record ApiSettings(CorsConfiguration cors, List<UsagePlan> usagePlans, List<MethodThrottle> methodThrottling,
                         ApiKeyStore apiKeys) {

  public ApiSettings {
    usagePlans = usagePlans == null ? List.of() : List.copyOf(usagePlans);
    methodThrottling = methodThrottling == null ? List.of() : List.copyOf(methodThrottling);
  }

  /** No CORS, no keys, no throttling. */
  public static ApiSettings none() {
    return new ApiSettings(null, List.of(), List.of(), null);
  }

  public ApiSettings withCors(CorsConfiguration newCors) {
    return new ApiSettings(newCors, usagePlans, methodThrottling, apiKeys);
  }

  public ApiSettings withUsagePlans(List<UsagePlan> newPlans) {
    return new ApiSettings(cors, newPlans, methodThrottling, apiKeys);
  }

  public ApiSettings withMethodThrottling(List<MethodThrottle> newThrottling) {
    return new ApiSettings(cors, usagePlans, newThrottling, apiKeys);
  }

  public ApiSettings withApiKeys(ApiKeyStore newKeys) {
    return new ApiSettings(cors, usagePlans, methodThrottling, newKeys);
  }
}
