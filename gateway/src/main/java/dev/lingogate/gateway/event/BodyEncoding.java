package dev.lingogate.gateway.event;

import java.util.List;
import java.util.Locale;

/**
 * Whether a request body travels in the event as text or as base64. With the API's binary media
 * types ({@code BinaryMediaTypes}, such as {@code image/png}, {@code image/*} or {@code *}{@code /*})
 * a body is base64 exactly when its content type is one of them, as REST APIs do; without any,
 * textual media types (and a body without a content type) go as text and the rest as base64, as
 * HTTP APIs do.
 */
final class BodyEncoding {

  private final List<String> binaryMediaTypes;

  BodyEncoding(List<String> binaryMediaTypes) {
    this.binaryMediaTypes = binaryMediaTypes.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
  }

  boolean isBase64(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return binaryMediaTypes.isEmpty() ? !isTextual(type) : binaryMediaTypes.stream().anyMatch(binary -> matches(binary, type));
  }

  private static boolean matches(String binaryType, String type) {
    if (binaryType.equals("*/*") || binaryType.equals(type)) {
      return true;
    }
    return binaryType.endsWith("/*") && type.startsWith(binaryType.substring(0, binaryType.length() - 1));
  }

  private static boolean isTextual(String type) {
    return type.startsWith("text/")
        || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml")
        || type.equals("application/javascript")
        || type.equals("application/x-www-form-urlencoded");
  }
}
