package dev.lingogate.gateway.integration;

/** How one invocation of a function ended, as far as the gateway needs to know. */
public sealed interface FunctionOutcome {

  /** The function returned normally; payload is its JSON answer. */
  record Returned(byte[] payload) implements FunctionOutcome {}

  /** Uncaught exception, crash or init error. */
  record Failed(String errorType, String errorMessage) implements FunctionOutcome {}

  /** The function ran past its own timeout, e.g. "Task timed out after 3.00 seconds". */
  record TimedOut(String message) implements FunctionOutcome {}

  /** No execution environment was available (concurrency limit). */
  record Throttled(String message) implements FunctionOutcome {}
}
