package dev.lingogate.gateway.integration;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Hands an event to a function and waits for its outcome no longer than the integration timeout;
 * past it the outcome is {@link FunctionOutcome.TimedOut} and a late answer is dropped. The outcome
 * is delivered on the request's own Vert.x context, whatever thread the invoker answers on.
 */
public final class Integration {

  private final Vertx vertx;
  private final FunctionInvoker invoker;
  private final long timeoutMillis;

  public Integration(Vertx vertx, FunctionInvoker invoker, Duration timeout) {
    this.vertx = vertx;
    this.invoker = invoker;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
  }

  public Future<FunctionOutcome> invoke(String functionName, byte[] event) {
    Context context = vertx.getOrCreateContext();
    CompletionStage<FunctionOutcome> answer = invoker.invoke(functionName, event);
    Promise<FunctionOutcome> outcome = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, fired -> outcome.tryComplete(
        new FunctionOutcome.TimedOut("no answer from " + functionName + " within " + timeoutMillis + " ms")));
    answer.whenComplete((result, failure) -> context.runOnContext(onContext -> {
      vertx.cancelTimer(timer);
      if (failure != null) {
        outcome.tryFail(failure);
      } else if (result == null) {
        outcome.tryFail(new IllegalStateException("the invoker answered null for " + functionName));
      } else {
        outcome.tryComplete(result);
      }
    }));
    return outcome.future();
  }
}
