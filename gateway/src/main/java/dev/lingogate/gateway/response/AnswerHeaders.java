package dev.lingogate.gateway.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * The headers of a function's answer as they go to the client. Framing headers are the gateway's
 * business (it frames the body it actually sends), and the request id is the gateway's own.
 */
final class AnswerHeaders {

  private static final Set<String> GATEWAY_OWNED =
      Set.of("content-length", "transfer-encoding", "connection", "x-amzn-requestid");

  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

  /** Adds one value; a JSON null is no header at all. False when the value is not a scalar. */
  boolean add(String name, JsonNode value) {
    if (value == null || value.isNull()) {
      return true;
    }
    if (!value.isValueNode()) {
      return false;
    }
    if (!GATEWAY_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
      headers.add(name, value.asText());
    }
    return true;
  }

  boolean contains(String name) {
    return headers.contains(name);
  }

  MultiMap withDefaultContentType(String contentType) {
    if (!headers.contains("content-type")) {
      headers.add("content-type", contentType);
    }
    return headers;
  }
}
