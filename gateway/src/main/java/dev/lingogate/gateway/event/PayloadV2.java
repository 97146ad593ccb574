package dev.lingogate.gateway.event;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.request.RequestHeaders;
import dev.lingogate.gateway.routing.RouteMatch;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Payload format 2.0, as HTTP APIs send it: header names lower-cased and repeated values (and
 * query parameters) comma-joined, cookies in their own array rather than in the headers, absent
 * fields left out.
 */
final class PayloadV2 {

  private static final String STAGE = "$default";

  void write(JsonGenerator json, IncomingRequest request, RouteMatch match) throws IOException {
    String routeKey = match.route().routeKey();
    json.writeStartObject();
    json.writeStringField("version", "2.0");
    json.writeStringField("routeKey", routeKey);
    json.writeStringField("rawPath", request.rawPath());
    json.writeStringField("rawQueryString", request.rawQueryString());
    writeCookies(json, request.headers().values("cookie"));
    writeHeaders(json, request.headers());
    writeQuery(json, request.query().asMap());
    if (!match.pathParameters().isEmpty()) {
      ProxyEvent.writeStringMap(json, "pathParameters", match.pathParameters());
    }
    writeRequestContext(json, request, routeKey);
    ProxyEvent.writeBody(json, request, false);
    json.writeEndObject();
  }

  private static void writeCookies(JsonGenerator json, List<String> cookieHeaders) throws IOException {
    if (cookieHeaders.isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("cookies");
    for (String header : cookieHeaders) {
      for (String cookie : header.split(";")) {
        if (!cookie.isBlank()) {
          json.writeString(cookie.trim());
        }
      }
    }
    json.writeEndArray();
  }

  private static void writeHeaders(JsonGenerator json, RequestHeaders headers) throws IOException {
    json.writeObjectFieldStart("headers");
    for (RequestHeaders.Header header : headers.all()) {
      String name = header.name().toLowerCase(Locale.ROOT);
      if (!name.equals("cookie")) {
        json.writeStringField(name, String.join(",", header.values()));
      }
    }
    json.writeEndObject();
  }

  private static void writeQuery(JsonGenerator json, Map<String, List<String>> query) throws IOException {
    if (query.isEmpty()) {
      return;
    }
    json.writeObjectFieldStart("queryStringParameters");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      json.writeStringField(parameter.getKey(), String.join(",", parameter.getValue()));
    }
    json.writeEndObject();
  }

  private static void writeRequestContext(JsonGenerator json, IncomingRequest request, String routeKey)
      throws IOException {
    json.writeObjectFieldStart("requestContext");
    json.writeStringField("accountId", ProxyEvent.ACCOUNT_ID);
    json.writeStringField("apiId", ProxyEvent.API_ID);
    json.writeStringField("domainName", request.domainName());
    json.writeStringField("domainPrefix", ProxyEvent.domainPrefix(request.domainName()));
    json.writeObjectFieldStart("http");
    json.writeStringField("method", request.method());
    json.writeStringField("path", request.rawPath());
    json.writeStringField("protocol", request.protocol());
    json.writeStringField("sourceIp", request.sourceIp());
    json.writeStringField("userAgent", request.userAgent());
    json.writeEndObject();
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("routeKey", routeKey);
    json.writeStringField("stage", STAGE);
    json.writeStringField("time", RequestTime.format(request.receivedAtMillis()));
    json.writeNumberField("timeEpoch", request.receivedAtMillis());
    json.writeEndObject();
  }
}
