package dev.lingogate.gateway.admission;

import java.util.Objects;

/**
 * A usage plan: how fast and how much each of its API keys may call.
 *
 * @param id what keys name to join the plan
 * @param throttle the rate each key may call at; null for no limit of the plan's own
 * @param quota how many calls each key may make per period; null for none
 */
public record UsagePlan(String id, Throttle throttle, Quota quota) {

  public UsagePlan {
    Objects.requireNonNull(id, "id");
  }
}
