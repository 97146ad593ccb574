package dev.lingogate.gateway.event;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.authorization.Authorization;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.request.RequestHeaders;
import dev.lingogate.gateway.routing.RouteMatch;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Payload format 1.0, as REST APIs send it: single- and multi-value headers and query parameters
 * side by side (the single-value maps keep the last value), absent maps as JSON null.
 */
final class PayloadV1 {

  private final String stage;
  private final Map<String, String> stageVariables;
  private final BodyEncoding encoding;

  PayloadV1(String stage, Map<String, String> stageVariables, BodyEncoding encoding) {
    this.stage = stage;
    this.stageVariables = stageVariables;
    this.encoding = encoding;
  }

  void write(JsonGenerator json, IncomingRequest request, RouteMatch match, ApiKey apiKey, Authorization authorization)
      throws IOException {
    json.writeStartObject();
    writeRequest(json, request, match, apiKey, authorization);
    ProxyEvent.writeBody(json, request, encoding, true);
    json.writeEndObject();
  }

  /** A REQUEST authorizer's event: the request without its body, and the ARN asked for. */
  void writeAuthorizerRequest(JsonGenerator json, IncomingRequest request, RouteMatch match, String methodArn)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("type", "REQUEST");
    json.writeStringField("methodArn", methodArn);
    writeRequest(json, request, match, null, null);
    json.writeEndObject();
  }

  private void writeRequest(JsonGenerator json, IncomingRequest request, RouteMatch match, ApiKey apiKey,
                            Authorization authorization) throws IOException {
    String resource = match.route().pathTemplate();
    json.writeStringField("resource", resource);
    json.writeStringField("path", request.rawPath());
    json.writeStringField("httpMethod", request.method());
    writeHeaders(json, request.headers());
    writeQuery(json, request.query().asMap());
    if (match.pathParameters().isEmpty()) {
      json.writeNullField("pathParameters");
    } else {
      ProxyEvent.writeStringMap(json, "pathParameters", match.pathParameters());
    }
    if (stageVariables.isEmpty()) {
      json.writeNullField("stageVariables");
    } else {
      ProxyEvent.writeStringMap(json, "stageVariables", stageVariables);
    }
    writeRequestContext(json, request, resource, apiKey, authorization);
  }

  private static void writeHeaders(JsonGenerator json, RequestHeaders headers) throws IOException {
    if (headers.isEmpty()) {
      json.writeNullField("headers");
      json.writeNullField("multiValueHeaders");
      return;
    }
    json.writeObjectFieldStart("headers");
    for (RequestHeaders.Header header : headers.all()) {
      json.writeStringField(header.name(), header.last());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("multiValueHeaders");
    for (RequestHeaders.Header header : headers.all()) {
      writeArray(json, header.name(), header.values());
    }
    json.writeEndObject();
  }

  private static void writeQuery(JsonGenerator json, Map<String, List<String>> query) throws IOException {
    if (query.isEmpty()) {
      json.writeNullField("queryStringParameters");
      json.writeNullField("multiValueQueryStringParameters");
      return;
    }
    json.writeObjectFieldStart("queryStringParameters");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      List<String> values = parameter.getValue();
      json.writeStringField(parameter.getKey(), values.get(values.size() - 1));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("multiValueQueryStringParameters");
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      writeArray(json, parameter.getKey(), parameter.getValue());
    }
    json.writeEndObject();
  }

  private void writeRequestContext(JsonGenerator json, IncomingRequest request, String resource, ApiKey apiKey,
                                   Authorization authorization) throws IOException {
    json.writeObjectFieldStart("requestContext");
    json.writeStringField("accountId", ProxyEvent.ACCOUNT_ID);
    json.writeStringField("apiId", ProxyEvent.API_ID);
    json.writeStringField("resourceId", ProxyEvent.resourceId(resource));
    json.writeStringField("resourcePath", resource);
    json.writeStringField("httpMethod", request.method());
    json.writeStringField("path", "/" + stage + request.rawPath());
    json.writeStringField("stage", stage);
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("requestTime", RequestTime.format(request.receivedAtMillis()));
    json.writeNumberField("requestTimeEpoch", request.receivedAtMillis());
    json.writeStringField("protocol", request.protocol());
    json.writeStringField("domainName", request.domainName());
    json.writeStringField("domainPrefix", ProxyEvent.domainPrefix(request.domainName()));
    json.writeObjectFieldStart("identity");
    json.writeStringField("sourceIp", request.sourceIp());
    json.writeStringField("userAgent", request.userAgent());
    if (apiKey != null) {
      json.writeStringField("apiKey", apiKey.value());
      json.writeStringField("apiKeyId", apiKey.id());
    }
    json.writeEndObject();
    if (authorization != null) {
      writeAuthorizer(json, authorization);
    }
    json.writeEndObject();
  }

  /** A Lambda authorizer's principal and context keys side by side; a JWT's claims and scopes. */
  private static void writeAuthorizer(JsonGenerator json, Authorization authorization) throws IOException {
    json.writeObjectFieldStart("authorizer");
    if (authorization.isJwt()) {
      json.writeFieldName("claims");
      json.writeTree(authorization.claims());
      writeScopes(json, authorization.scopes());
    } else {
      if (authorization.principalId() != null) {
        json.writeStringField("principalId", authorization.principalId());
      }
      for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry : authorization.context().properties()) {
        json.writeFieldName(entry.getKey());
        json.writeTree(entry.getValue());
      }
      json.writeNumberField("integrationLatency", authorization.latencyMillis());
    }
    json.writeEndObject();
  }

  static void writeScopes(JsonGenerator json, List<String> scopes) throws IOException {
    if (scopes.isEmpty()) {
      json.writeNullField("scopes");
    } else {
      writeArray(json, "scopes", scopes);
    }
  }

  private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
