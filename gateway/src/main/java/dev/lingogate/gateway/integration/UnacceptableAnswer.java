package dev.lingogate.gateway.integration;

/**
 * A proxied service's answer that cannot be passed on: malformed, ambiguous about where it ends, or
 * larger than an integration may answer. The exchange fails and its connection is not used again.
 */
final class UnacceptableAnswer extends Exception {

  UnacceptableAnswer(String message) {
    super(message, null, false, false);
  }
}
