package dev.lingogate.gateway.observability;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.lingogate.gateway.Route;
import dev.lingogate.gateway.request.IncomingRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access log format as a stage's {@code AccessLogSetting.Format} writes it: text with
 * {@code $context.*} variables, compiled once. Values are JSON-escaped (the formats are JSON in
 * practice); a variable without a value for this request, or unknown here, is {@code -} as in AWS.
 */
public final class AccessLogFormat {

  /** JSON, with the variables AWS's own example format uses and the ones that explain latency. */
  public static final String DEFAULT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
      + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
      + "\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\",\"status\":\"$context.status\","
      + "\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\","
      + "\"responseLatency\":\"$context.responseLatency\",\"integrationLatency\":\"$context.integrationLatency\","
      + "\"apiKeyId\":\"$context.identity.apiKeyId\"}";

  private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z]+(?:\\.[A-Za-z]+)*)");
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** What one request fills a variable with; null when it has no value. */
  private record Answered(RequestRecord request, HttpServerResponse response) {}

  private final List<Function<Answered, String>> parts = new ArrayList<>();

  public AccessLogFormat(String format) {
    Matcher variable = VARIABLE.matcher(format);
    int literalStart = 0;
    while (variable.find()) {
      String literal = format.substring(literalStart, variable.start());
      parts.add(answered -> literal);
      Function<Answered, String> value = variable(variable.group(1));
      parts.add(answered -> escaped(value.apply(answered)));
      literalStart = variable.end();
    }
    String tail = format.substring(literalStart);
    parts.add(answered -> tail);
  }

  public String line(RequestRecord request, HttpServerResponse response) {
    Answered answered = new Answered(request, response);
    StringBuilder line = new StringBuilder(256);
    for (Function<Answered, String> part : parts) {
      line.append(part.apply(answered));
    }
    return line.toString();
  }

  private static Function<Answered, String> variable(String name) {
    return switch (name) {
      case "requestId", "extendedRequestId" -> a -> a.request.requestId();
      case "identity.sourceIp" -> a -> IncomingRequest.sourceIp(a.request.http());
      case "identity.userAgent" -> a -> a.request.http().getHeader("user-agent");
      case "identity.apiKeyId" -> a -> a.request.apiKeyId();
      case "requestTime" -> a -> REQUEST_TIME.format(Instant.ofEpochMilli(a.request.receivedAtMillis()));
      case "requestTimeEpoch" -> a -> Long.toString(a.request.receivedAtMillis());
      case "httpMethod" -> a -> a.request.http().method().name();
      case "path" -> a -> a.request.http().path();
      case "resourcePath" -> a -> route(a, Route::pathTemplate);
      case "routeKey" -> a -> route(a, Route::routeKey);
      case "status" -> a -> Integer.toString(a.response.getStatusCode());
      case "protocol" -> a -> IncomingRequest.protocol(a.request.http().version());
      case "responseLength" -> a -> Long.toString(a.response.bytesWritten());
      case "responseLatency" -> a -> Long.toString((System.nanoTime() - a.request.startedNanos()) / 1_000_000);
      case "integrationLatency", "integration.latency" -> a -> a.request.integrationLatencyNanos() < 0 ? null
          : Long.toString(a.request.integrationLatencyNanos() / 1_000_000);
      default -> a -> null;
    };
  }

  private static String route(Answered answered, Function<Route, String> part) {
    return answered.request.route() == null ? null : part.apply(answered.request.route());
  }

  private static String escaped(String value) {
    return value == null ? "-" : new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }
}
