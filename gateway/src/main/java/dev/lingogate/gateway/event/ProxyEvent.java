package dev.lingogate.gateway.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.routing.RouteMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy event for a request, in the payload format of the route it matched.
 * Written with Jackson's streaming generator: no tree, no reflection, on the hot path.
 */
public final class ProxyEvent {

  static final String ACCOUNT_ID = "000000000000";
  /** A fixed, AWS-shaped id: there is one API per gateway. */
  static final String API_ID = "lingogate1";

  private static final JsonFactory JSON = new JsonFactory();

  private final PayloadV1 v1;
  private final PayloadV2 v2;

  public ProxyEvent(String stage) {
    this.v1 = new PayloadV1(stage);
    this.v2 = new PayloadV2();
  }

  /** @param apiKey the key the request was admitted with, null when its route needs none */
  public byte[] build(IncomingRequest request, RouteMatch match, ApiKey apiKey) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + request.body().length * 4 / 3);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      if (match.route().format() == PayloadFormat.V1) {
        v1.write(json, request, match, apiKey);
      } else {
        v2.write(json, request, match);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing a proxy event to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Writes "body" and "isBase64Encoded"; an empty body is null in v1 and left out in v2. */
  static void writeBody(JsonGenerator json, IncomingRequest request, boolean nullWhenEmpty) throws IOException {
    byte[] body = request.body();
    boolean textual = BodyEncoding.isTextual(request.contentType());
    if (body.length == 0) {
      if (nullWhenEmpty) {
        json.writeNullField("body");
      }
    } else if (textual) {
      json.writeStringField("body", new String(body, StandardCharsets.UTF_8));
    } else {
      json.writeStringField("body", Base64.getEncoder().encodeToString(body));
    }
    json.writeBooleanField("isBase64Encoded", body.length > 0 && !textual);
  }

  static void writeStringMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
    json.writeObjectFieldStart(field);
    for (Map.Entry<String, String> entry : map.entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
  }

  /** Resource ids are six characters in AWS; derive a stable one from the route's path template. */
  static String resourceId(String pathTemplate) {
    String id = Integer.toString(pathTemplate.hashCode() & 0x7fffffff, 36).toLowerCase(Locale.ROOT);
    return (id + "000000").substring(0, 6);
  }

  /** The first label of the domain name, as {@code requestContext.domainPrefix}. */
  static String domainPrefix(String domainName) {
    int dot = domainName.indexOf('.');
    return dot < 0 ? domainName : domainName.substring(0, dot);
  }
}
