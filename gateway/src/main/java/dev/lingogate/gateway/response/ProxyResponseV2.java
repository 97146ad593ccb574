package dev.lingogate.gateway.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * Reads a payload 2.0 answer as HTTP APIs do. A JSON object with a statusCode is a response
 * (headers, cookies as Set-Cookie, body; without a content type HTTP APIs send text/plain). Any
 * other JSON is the body of a 200 application/json response. Output that is not JSON, or a
 * statusCode that is not an HTTP status, is a 500.
 */
final class ProxyResponseV2 {

  private static final GatewayError MALFORMED = GatewayError.INTERNAL_SERVER_ERROR;

  private ProxyResponseV2() {}

  static GatewayResponse read(byte[] payload) {
    JsonNode answer = ProxyAnswer.parse(payload);
    if (answer == null) {
      throw malformed("the answer is not JSON");
    }
    if (!answer.isObject() || !answer.has("statusCode")) {
      return new GatewayResponse(200, MultiMap.caseInsensitiveMultiMap().add("content-type", "application/json"),
          Buffer.buffer(payload));
    }
    int status = ProxyAnswer.statusCode(answer);
    if (status < 0) {
      throw malformed("statusCode must be an integer HTTP status, was " + answer.get("statusCode"));
    }
    AnswerHeaders headers = new AnswerHeaders();
    addHeaders(headers, answer.get("headers"));
    addCookies(headers, answer.get("cookies"));
    return new GatewayResponse(status, headers.withDefaultContentType("text/plain; charset=utf-8"),
        ProxyAnswer.body(answer, MALFORMED));
  }

  private static void addHeaders(AnswerHeaders headers, JsonNode answerHeaders) {
    if (answerHeaders == null || answerHeaders.isNull()) {
      return;
    }
    if (!answerHeaders.isObject()) {
      throw malformed("headers must be an object");
    }
    for (Map.Entry<String, JsonNode> header : answerHeaders.properties()) {
      if (!headers.add(header.getKey(), header.getValue())) {
        throw malformed("headers." + header.getKey() + " must be a string");
      }
    }
  }

  private static void addCookies(AnswerHeaders headers, JsonNode cookies) {
    if (cookies == null || cookies.isNull()) {
      return;
    }
    if (!cookies.isArray()) {
      throw malformed("cookies must be an array of strings");
    }
    for (JsonNode cookie : cookies) {
      if (!cookie.isTextual() || !headers.add("set-cookie", cookie)) {
        throw malformed("cookies must be an array of strings");
      }
    }
  }

  private static RequestRejected malformed(String reason) {
    return ProxyAnswer.malformed(MALFORMED, reason);
  }
}
