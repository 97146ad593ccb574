package dev.lingogate.gateway.event;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lingogate.gateway.authorization.Authorization;
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

  private final Map<String, String> stageVariables;
  private final BodyEncoding encoding;

  PayloadV2(Map<String, String> stageVariables, BodyEncoding encoding) {
    this.stageVariables = stageVariables;
    this.encoding = encoding;
  }

  void write(JsonGenerator json, IncomingRequest request, RouteMatch match, Authorization authorization)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("version", "2.0");
    writeRequest(json, request, match, authorization);
    ProxyEvent.writeBody(json, request, encoding, false);
    json.writeEndObject();
  }

  /** A REQUEST authorizer's event: the request without its body, the ARN asked for, the identity values. */
  void writeAuthorizerRequest(JsonGenerator json, IncomingRequest request, RouteMatch match, String routeArn,
                              List<String> identityValues) throws IOException {
    json.writeStartObject();
    json.writeStringField("version", "2.0");
    json.writeStringField("type", "REQUEST");
    json.writeStringField("routeArn", routeArn);
    json.writeArrayFieldStart("identitySource");
    for (String value : identityValues) {
      json.writeString(value);
    }
    json.writeEndArray();
    writeRequest(json, request, match, null);
    json.writeEndObject();
  }

  private void writeRequest(JsonGenerator json, IncomingRequest request, RouteMatch match,
                            Authorization authorization) throws IOException {
    String routeKey = match.route().routeKey();
    json.writeStringField("routeKey", routeKey);
    json.writeStringField("rawPath", request.rawPath());
    json.writeStringField("rawQueryString", request.rawQueryString());
    writeCookies(json, request.headers().values("cookie"));
    writeHeaders(json, request.headers());
    writeQuery(json, request.query().asMap());
    if (!match.pathParameters().isEmpty()) {
      ProxyEvent.writeStringMap(json, "pathParameters", match.pathParameters());
    }
    if (!stageVariables.isEmpty()) {
      ProxyEvent.writeStringMap(json, "stageVariables", stageVariables);
    }
    writeRequestContext(json, request, routeKey, authorization);
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

  private static void writeRequestContext(JsonGenerator json, IncomingRequest request, String routeKey,
                                          Authorization authorization) throws IOException {
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
    json.writeStringField("stage", ProxyEvent.DEFAULT_STAGE);
    json.writeStringField("time", RequestTime.format(request.receivedAtMillis()));
    json.writeNumberField("timeEpoch", request.receivedAtMillis());
    if (authorization != null) {
      writeAuthorizer(json, authorization);
    }
    json.writeEndObject();
  }

  /** {@code authorizer.lambda} holds a Lambda authorizer's context, {@code authorizer.jwt} a JWT's claims and scopes. */
  private static void writeAuthorizer(JsonGenerator json, Authorization authorization) throws IOException {
    json.writeObjectFieldStart("authorizer");
    if (authorization.isJwt()) {
      json.writeObjectFieldStart("jwt");
      json.writeFieldName("claims");
      json.writeTree(authorization.claims());
      PayloadV1.writeScopes(json, authorization.scopes());
      json.writeEndObject();
    } else {
      json.writeFieldName("lambda");
      json.writeTree(authorization.context());
    }
    json.writeEndObject();
  }
}
