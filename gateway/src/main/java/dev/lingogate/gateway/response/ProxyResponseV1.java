package dev.lingogate.gateway.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Reads a payload 1.0 answer as REST APIs do: it must be a JSON object with an integer statusCode;
 * headers and multiValueHeaders are merged (for a name in both, multiValueHeaders wins), and a
 * missing content type is application/json. Anything else is a malformed Lambda proxy response: 502.
 */
final class ProxyResponseV1 {

  private static final GatewayError MALFORMED = GatewayError.INTEGRATION_FAILED;

  private ProxyResponseV1() {}

  static GatewayResponse read(byte[] payload) {
    JsonNode answer = ProxyAnswer.parse(payload);
    if (answer == null || !answer.isObject()) {
      throw malformed("the answer is not a JSON object");
    }
    int status = ProxyAnswer.statusCode(answer);
    if (status < 0) {
      throw malformed("statusCode must be an integer HTTP status, was " + answer.get("statusCode"));
    }
    AnswerHeaders headers = new AnswerHeaders();
    addMultiValueHeaders(headers, answer.get("multiValueHeaders"));
    addSingleValueHeaders(headers, answer.get("headers"));
    return new GatewayResponse(status, headers.withDefaultContentType("application/json"),
        ProxyAnswer.body(answer, MALFORMED));
  }

  private static void addMultiValueHeaders(AnswerHeaders headers, JsonNode multiValueHeaders) {
    if (multiValueHeaders == null || multiValueHeaders.isNull()) {
      return;
    }
    if (!multiValueHeaders.isObject()) {
      throw malformed("multiValueHeaders must be an object");
    }
    for (Map.Entry<String, JsonNode> header : multiValueHeaders.properties()) {
      JsonNode values = header.getValue();
      if (values.isNull()) {
        continue;
      }
      if (!values.isArray()) {
        throw malformed("multiValueHeaders." + header.getKey() + " must be an array");
      }
      for (JsonNode value : values) {
        if (!headers.add(header.getKey(), value)) {
          throw malformed("multiValueHeaders." + header.getKey() + " holds a non-scalar value");
        }
      }
    }
  }

  private static void addSingleValueHeaders(AnswerHeaders headers, JsonNode singleValueHeaders) {
    if (singleValueHeaders == null || singleValueHeaders.isNull()) {
      return;
    }
    if (!singleValueHeaders.isObject()) {
      throw malformed("headers must be an object");
    }
    for (Map.Entry<String, JsonNode> header : singleValueHeaders.properties()) {
      if (!headers.contains(header.getKey()) && !headers.add(header.getKey(), header.getValue())) {
        throw malformed("headers." + header.getKey() + " must be a string");
      }
    }
  }

  private static RequestRejected malformed(String reason) {
    return ProxyAnswer.malformed(MALFORMED, reason);
  }
}
