package dev.lingogate.edge;

import java.util.List;
import java.util.Map;

/**
 * A call as it arrived, before its signature is looked at: what AWS's front end checks first
 * (method, content type, body, operation, the presence of credentials).
 *
 * @param rawQuery the query string as sent, without '?', or empty
 * @param headers  header names in lower case, values in arrival order
 */
public record IncomingCall(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type of the body without its parameters, e.g. {@code application/json}, or empty. */
    public String mediaType() {
        return mediaTypeOf(header("content-type"));
    }

    /** The media type a {@code Content-Type} header names, without its parameters, or empty when absent. */
    public static String mediaTypeOf(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim();
    }
}
