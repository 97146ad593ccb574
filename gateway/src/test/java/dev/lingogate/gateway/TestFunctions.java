package dev.lingogate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.gateway.integration.FunctionInvoker;
import dev.lingogate.gateway.integration.FunctionOutcome;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Small functions written in the test, invoked by name the way the function host would. */
final class TestFunctions implements FunctionInvoker {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Function<byte[], CompletionStage<FunctionOutcome>>> functions = new HashMap<>();

  TestFunctions with(String name, Function<byte[], CompletionStage<FunctionOutcome>> function) {
    functions.put(name, function);
    return this;
  }

  /** Answers whatever the answer is, whatever the event. */
  TestFunctions answering(String name, String payload) {
    return with(name, event -> returned(payload));
  }

  /**
   * Answers 200 with the event it received as the body (a JSON string), so a test can read it, and
   * its own name in the header x-function, so a test can tell which function a route reached.
   */
  TestFunctions echo(String name) {
    return with(name, event -> {
      ObjectNode answer = JSON.createObjectNode();
      answer.put("statusCode", 200);
      answer.putObject("headers").put("x-function", name);
      answer.put("body", new String(event, StandardCharsets.UTF_8));
      return returned(answer.toString());
    });
  }

  static CompletionStage<FunctionOutcome> returned(String payload) {
    return CompletableFuture.completedFuture(new FunctionOutcome.Returned(payload.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public CompletionStage<FunctionOutcome> invoke(String functionName, byte[] eventJson) {
    Function<byte[], CompletionStage<FunctionOutcome>> function = functions.get(functionName);
    if (function == null) {
      throw new IllegalStateException("no test function " + functionName);
    }
    return function.apply(eventJson);
  }
}
