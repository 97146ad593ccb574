package dev.lingogate.iam.sigv4;

import java.util.List;
import java.util.Map;

/**
 * A request as it arrived on the wire, with everything SigV4 signs.
 *
 * @param rawPath  the path exactly as sent, still percent-encoded
 * @param rawQuery the query string exactly as sent, without '?', or empty
 * @param headers  header names in lower case, each with its values in arrival order
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
