package dev.lingogate.gateway.integration;

import java.util.concurrent.CompletionStage;

/**
 * Runs a function with a Lambda proxy event. The stack implements it on top of the function host;
 * the stage may complete on any thread.
 */
public interface FunctionInvoker {

  CompletionStage<FunctionOutcome> invoke(String functionName, byte[] eventJson);
}
