package dev.lingogate.gateway.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The parts of a function's proxy answer both payload formats read the same way. */
final class ProxyAnswer {

  /** Strict about trailing text: {@code {"statusCode":200} junk} is not a JSON answer. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ProxyAnswer() {}

  /** The answer as a JSON tree, or null when it is not JSON at all. */
  static JsonNode parse(byte[] payload) {
    try {
      JsonNode tree = JSON.readTree(payload);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (IOException e) {
      return null;
    }
  }

  /** The statusCode if it is an integer HTTP status (100..599), else -1. */
  static int statusCode(JsonNode answer) {
    JsonNode status = answer.get("statusCode");
    if (status == null || !status.isIntegralNumber() || !status.canConvertToInt()) {
      return -1;
    }
    int code = status.intValue();
    return code >= 100 && code <= 599 ? code : -1;
  }

  /**
   * The body to send: the "body" string, base64-decoded when "isBase64Encoded" is true.
   *
   * @throws RequestRejected with the given error when body or flag are of the wrong type
   */
  static Buffer body(JsonNode answer, GatewayError errorIfMalformed) {
    JsonNode body = answer.get("body");
    JsonNode base64 = answer.get("isBase64Encoded");
    if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
      throw malformed(errorIfMalformed, "isBase64Encoded must be a boolean");
    }
    if (body == null || body.isNull()) {
      return Buffer.buffer();
    }
    if (!body.isTextual()) {
      throw malformed(errorIfMalformed, "body must be a string, was " + body.getNodeType());
    }
    if (base64 != null && base64.booleanValue()) {
      try {
        return Buffer.buffer(Base64.getDecoder().decode(body.textValue()));
      } catch (IllegalArgumentException e) {
        throw malformed(errorIfMalformed, "body is marked isBase64Encoded but is not base64");
      }
    }
    return Buffer.buffer(body.textValue().getBytes(StandardCharsets.UTF_8));
  }

  static RequestRejected malformed(GatewayError error, String reason) {
    return new RequestRejected(error, "malformed Lambda proxy response: " + reason);
  }
}
