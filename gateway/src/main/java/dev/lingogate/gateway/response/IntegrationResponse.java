package dev.lingogate.gateway.response;

import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.integration.FunctionOutcome;

/**
 * Turns a function's outcome into the HTTP answer API Gateway would give: a returned payload is
 * read in the route's payload format; a failure, a timeout or a throttle becomes a gateway error.
 */
public final class IntegrationResponse {

  private IntegrationResponse() {}

  /** @throws RequestRejected when the function did not return a usable answer */
  public static GatewayResponse of(FunctionOutcome outcome, PayloadFormat format) {
    if (outcome instanceof FunctionOutcome.Returned returned) {
      return format == PayloadFormat.V1
          ? ProxyResponseV1.read(returned.payload())
          : ProxyResponseV2.read(returned.payload());
    }
    if (outcome instanceof FunctionOutcome.Failed failed) {
      throw new RequestRejected(GatewayError.INTEGRATION_FAILED,
          "function failed: " + failed.errorType() + ": " + failed.errorMessage());
    }
    if (outcome instanceof FunctionOutcome.TimedOut timedOut) {
      throw new RequestRejected(GatewayError.INTEGRATION_TIMED_OUT, "function timed out: " + timedOut.message());
    }
    FunctionOutcome.Throttled throttled = (FunctionOutcome.Throttled) outcome;
    throw new RequestRejected(GatewayError.INVOCATION_REFUSED, "function throttled: " + throttled.message());
  }
}
