package dev.lingogate.gateway.admission;

import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.response.GatewayError;
import dev.lingogate.gateway.response.RequestRejected;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a routed request may reach its function, in API Gateway's order: the API key
 * (403 Forbidden), the stage's and method's throttling, the key's usage plan throttling (429 Too
 * Many Requests), then its quota (429 Limit Exceeded). Each 429 tells when to try again.
 */
public final class Admission {

  private final ApiKeyStore keys;
  private final Map<String, UsagePlan> plans;
  private final List<MethodThrottle> methodThrottling;
  private final Clock clock;
  private final boolean preflightNeedsKey;
  private final Map<Route, Optional<TokenBucket>> routeBuckets = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> keyBuckets = new ConcurrentHashMap<>();
  private final QuotaUsage quotaUsage = new QuotaUsage();

  /**
   * @param keys where keys are looked up; may be null when no route requires one
   * @param preflightNeedsKey whether CORS preflights need a key too ({@code AddApiKeyRequiredToCorsPreflight})
   * @throws IllegalArgumentException when a route or the preflights require a key and no store is given
   */
  public Admission(List<Route> routes, ApiKeyStore keys, List<UsagePlan> plans, List<MethodThrottle> methodThrottling,
                   Clock clock, boolean preflightNeedsKey) {
    if (preflightNeedsKey && keys == null) {
      throw new IllegalArgumentException("CORS preflights require an API key but no key store was given");
    }
    for (Route route : routes) {
      if (route.apiKeyRequired() && keys == null) {
        throw new IllegalArgumentException("route " + route.routeKey() + " requires an API key but no key store was given");
      }
    }
    this.keys = keys;
    this.plans = new ConcurrentHashMap<>();
    plans.forEach(plan -> this.plans.put(plan.id(), plan));
    this.methodThrottling = List.copyOf(methodThrottling);
    this.clock = clock;
    this.preflightNeedsKey = preflightNeedsKey;
  }

  /**
   * Lets the request through, naming the key it used (null when its route needs none).
   *
   * @param apiKeyHeader the x-api-key header, or null
   * @throws RequestRejected with 403 or 429 when it may not go on
   */
  public ApiKey admit(Route route, String apiKeyHeader) {
    ApiKey key = null;
    UsagePlan plan = null;
    if (route.apiKeyRequired()) {
      key = validKey(apiKeyHeader);
      plan = planOf(key);
    }
    long now = System.nanoTime();
    routeBucket(route, now).ifPresent(bucket -> take(bucket, now, GatewayError.THROTTLED, "method throttling"));
    if (plan != null) {
      chargeToPlan(key, plan, now);
    }
    return key;
  }

  /**
   * Lets a CORS preflight through: with a valid key when the API's OPTIONS methods need one, as
   * SAM makes them unless {@code AddApiKeyRequiredToCorsPreflight: false}. A browser never sends a
   * key with a preflight, so such an API is closed to browsers of other origins, as on AWS.
   *
   * @throws RequestRejected with 403 or 429 when it may not go on
   */
  public void admitPreflight(String apiKeyHeader) {
    if (preflightNeedsKey) {
      ApiKey key = validKey(apiKeyHeader);
      chargeToPlan(key, planOf(key), System.nanoTime());
    }
  }

  private void chargeToPlan(ApiKey key, UsagePlan plan, long now) {
    if (plan.throttle() != null) {
      TokenBucket bucket = keyBuckets.computeIfAbsent(key.id() + "\n" + plan.id(),
          id -> new TokenBucket(plan.throttle(), now));
      take(bucket, now, GatewayError.THROTTLED, "usage plan throttling of key " + key.id());
    }
    if (plan.quota() != null) {
      long retryAfter = quotaUsage.count(key.id(), plan.quota(), clock.instant());
      if (retryAfter > 0) {
        throw new RequestRejected(GatewayError.LIMIT_EXCEEDED, "quota of key " + key.id() + " used up", retryAfter);
      }
    }
  }

  private ApiKey validKey(String apiKeyHeader) {
    if (apiKeyHeader == null || apiKeyHeader.isEmpty()) {
      throw new RequestRejected(GatewayError.FORBIDDEN, "no x-api-key header");
    }
    ApiKey key = keys.findByValue(apiKeyHeader)
        .orElseThrow(() -> new RequestRejected(GatewayError.FORBIDDEN, "unknown API key"));
    if (!key.enabled()) {
      throw new RequestRejected(GatewayError.FORBIDDEN, "API key " + key.id() + " is disabled");
    }
    return key;
  }

  /** A key counts for this API only as a member of one of its usage plans. */
  private UsagePlan planOf(ApiKey key) {
    for (String planId : key.usagePlanIds()) {
      UsagePlan plan = plans.get(planId);
      if (plan != null) {
        return plan;
      }
    }
    throw new RequestRejected(GatewayError.FORBIDDEN, "API key " + key.id() + " is in no usage plan of this API");
  }

  /** The route's own bucket, sized by the most specific method setting that names it. */
  private Optional<TokenBucket> routeBucket(Route route, long now) {
    if (methodThrottling.isEmpty()) {
      return Optional.empty();
    }
    return routeBuckets.computeIfAbsent(route, r -> methodThrottling.stream()
        .filter(setting -> setting.specificityFor(r) >= 0)
        .max(Comparator.comparingInt(setting -> setting.specificityFor(r)))
        .map(setting -> new TokenBucket(setting.throttle(), now)));
  }

  private static void take(TokenBucket bucket, long now, GatewayError error, String what) {
    long waitNanos = bucket.take(now);
    if (waitNanos > 0) {
      // A bucket that never refills still names a time, for clients that would otherwise retry at once.
      long seconds = waitNanos == Long.MAX_VALUE ? 60 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
      throw new RequestRejected(error, what + ": no token left", seconds);
    }
  }
}
