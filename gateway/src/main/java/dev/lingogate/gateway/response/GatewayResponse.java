package dev.lingogate.gateway.response;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * An HTTP answer ready to write: what a function's answer maps to, or a gateway error.
 *
 * @param closeConnection true when the rest of the request cannot be read and the connection must go
 */
public record GatewayResponse(int status, MultiMap headers, Buffer body, boolean closeConnection) {

  public GatewayResponse(int status, MultiMap headers, Buffer body) {
    this(status, headers, body, false);
  }

  /** The same answer, after which the connection is closed. */
  public GatewayResponse closingConnection() {
    return new GatewayResponse(status, headers, body, true);
  }
}
