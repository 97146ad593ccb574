package dev.lingogate.gateway.event;

import java.util.Locale;

/**
 * Whether a request body travels in the event as text or as base64: text for textual media types
 * (and for a body without a content type), base64 with {@code isBase64Encoded: true} for the rest.
 */
final class BodyEncoding {

  private BodyEncoding() {}

  static boolean isTextual(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/")
        || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded");
  }
}
