package dev.lingogate.gateway.response;

/** A step of the request's path refuses to go on; the client gets the error's answer. */
public final class RequestRejected extends RuntimeException {

  private final GatewayError error;

  public RequestRejected(GatewayError error, String reason) {
    super(reason, null, false, false);
    this.error = error;
  }

  public GatewayError error() {
    return error;
  }
}
