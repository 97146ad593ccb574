package dev.lingogate.gateway.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.gateway.PayloadFormat;
import dev.lingogate.gateway.admission.ApiKey;
import dev.lingogate.gateway.authorization.Authorization;
import dev.lingogate.gateway.request.IncomingRequest;
import dev.lingogate.gateway.routing.RouteMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy event for a request, in the payload format of the route it matched, and
 * the event a REQUEST Lambda authorizer gets about it. Written with Jackson's streaming generator:
 * no tree, no reflection, on the hot path.
 */
public final class ProxyEvent {

  public static final String REGION = "us-east-1";
  public static final String ACCOUNT_ID = "000000000000";
  /** A fixed, AWS-shaped id: there is one API per gateway. */
  public static final String API_ID = "lingogate1";
  /** The stage of an HTTP API. */
  public static final String DEFAULT_STAGE = "$default";

  /** With a codec, so an authorizer's context (a tree) can be written as it came. */
  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  private final PayloadV1 v1;
  private final PayloadV2 v2;

  /** A REST API's stage without stage variables, bodies base64 by their media type. */
  public ProxyEvent(String stage) {
    this(stage, Map.of(), List.of());
  }

  /**
   * @param stageVariables the stage's {@code Variables}, passed to every function
   * @param binaryMediaTypes the API's {@code BinaryMediaTypes}; empty to tell binary bodies by their media type
   */
  public ProxyEvent(String stage, Map<String, String> stageVariables, List<String> binaryMediaTypes) {
    BodyEncoding encoding = new BodyEncoding(binaryMediaTypes);
    this.v1 = new PayloadV1(stage, Map.copyOf(stageVariables), encoding);
    this.v2 = new PayloadV2(Map.copyOf(stageVariables), encoding);
  }

  /**
   * @param apiKey the key the request was admitted with, null when its route needs none
   * @param authorization what the route's authorizer said about the caller, null when it has none
   */
  public byte[] build(IncomingRequest request, RouteMatch match, ApiKey apiKey, Authorization authorization) {
    return write(request, json -> {
      if (match.route().format() == PayloadFormat.V1) {
        v1.write(json, request, match, apiKey, authorization);
      } else {
        v2.write(json, request, match, authorization);
      }
    });
  }

  /**
   * The event of a REQUEST authorizer: the request without its body, with the ARN of what is asked
   * for ({@code methodArn} in 1.0, {@code routeArn} and the identity values in 2.0).
   */
  public byte[] authorizerRequest(IncomingRequest request, RouteMatch match, PayloadFormat format, String arn,
                                  List<String> identityValues) {
    return write(request, json -> {
      if (format == PayloadFormat.V1) {
        v1.writeAuthorizerRequest(json, request, match, arn);
      } else {
        v2.writeAuthorizerRequest(json, request, match, arn, identityValues);
      }
    });
  }

  /** The ARN authorizer policies are written against: {@code arn:aws:execute-api:..:api/stage/GET/path}. */
  public static String executeApiArn(String stage, String method, String rawPath) {
    return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT_ID + ":" + API_ID + "/" + stage + "/" + method + rawPath;
  }

  private interface Writing {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private static byte[] write(IncomingRequest request, Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + request.body().length * 4 / 3);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      writing.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a proxy event to memory failed", e);
    }
    return out.toByteArray();
  }

  /** Writes "body" and "isBase64Encoded"; an empty body is null in v1 and left out in v2. */
  static void writeBody(JsonGenerator json, IncomingRequest request, BodyEncoding encoding, boolean nullWhenEmpty)
      throws IOException {
    byte[] body = request.body();
    boolean base64 = body.length > 0 && encoding.isBase64(request.contentType());
    if (body.length == 0) {
      if (nullWhenEmpty) {
        json.writeNullField("body");
      }
    } else if (base64) {
      json.writeStringField("body", Base64.getEncoder().encodeToString(body));
    } else {
      json.writeStringField("body", new String(body, StandardCharsets.UTF_8));
    }
    json.writeBooleanField("isBase64Encoded", base64);
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
