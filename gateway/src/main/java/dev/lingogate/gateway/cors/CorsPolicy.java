package dev.lingogate.gateway.cors;

import dev.lingogate.gateway.ApiKind;
import dev.lingogate.gateway.response.GatewayResponse;
import io.vertx.core.http.HttpServerRequest;
import java.util.SortedSet;

/** What the gateway itself does about cross-origin requests: answer preflights, mark answers. */
public interface CorsPolicy {

  /** No CORS configured: OPTIONS is routed like any method and answers go out as they are. */
  CorsPolicy NONE = new CorsPolicy() {
    @Override
    public GatewayResponse preflight(HttpServerRequest http, SortedSet<String> methodsOnPath) {
      return null;
    }

    @Override
    public GatewayResponse decorate(String origin, GatewayResponse answer) {
      return answer;
    }
  };

  static CorsPolicy of(CorsConfiguration configuration, ApiKind kind) {
    if (configuration == null) {
      return NONE;
    }
    return kind == ApiKind.HTTP ? new HttpApiCors(configuration) : new RestApiCors(configuration);
  }

  /**
   * The gateway's own answer to a preflight, or null when this request is not one it answers.
   *
   * @param methodsOnPath the methods routed on the request's path, empty when no route has it
   */
  GatewayResponse preflight(HttpServerRequest http, SortedSet<String> methodsOnPath);

  /** The function's answer with the CORS headers this API adds for a request from origin (may be null). */
  GatewayResponse decorate(String origin, GatewayResponse answer);
}
