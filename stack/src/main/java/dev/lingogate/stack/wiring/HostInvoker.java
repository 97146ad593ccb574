package dev.lingogate.stack.wiring;

import dev.lingogate.gateway.integration.FunctionInvoker;
import dev.lingogate.gateway.integration.FunctionOutcome;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.Invocation;
import java.util.concurrent.CompletionStage;

/** The gateway's Lambda integration, served by the local function host: the same path as the Invoke API. */
final class HostInvoker implements FunctionInvoker {

    private final FunctionHost host;

    HostInvoker(FunctionHost host) {
        this.host = host;
    }

    @Override
    public CompletionStage<FunctionOutcome> invoke(String functionName, byte[] eventJson) {
        return host.invoke(functionName, eventJson).thenApply(HostInvoker::outcome);
    }

    private static FunctionOutcome outcome(Invocation invocation) {
        if (invocation instanceof Invocation.Returned returned) {
            return new FunctionOutcome.Returned(returned.payload());
        }
        if (invocation instanceof Invocation.Failed failed) {
            return new FunctionOutcome.Failed(failed.errorType(), failed.errorMessage());
        }
        if (invocation instanceof Invocation.TimedOut timedOut) {
            return new FunctionOutcome.TimedOut(timedOut.message());
        }
        return new FunctionOutcome.Throttled(((Invocation.Throttled) invocation).message());
    }
}
