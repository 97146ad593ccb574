package dev.lingogate.iam.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The canonical form of a request that SigV4 hashes and signs (AWS's "Create a canonical request"). */
final class CanonicalRequest {

    private static final Pattern SPACES = Pattern.compile(" +");

    private CanonicalRequest() {
    }

    static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method() + '\n'
                + canonicalPath(request.rawPath()) + '\n'
                + canonicalQuery(request.rawQuery()) + '\n'
                + canonicalHeaders(request.headers(), signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /**
     * Every service but S3 signs the path encoded twice: clients encode the path once for the wire
     * and sign it encoded once more, so the canonical path is the wire form encoded again.
     */
    static String canonicalPath(String rawPath) {
        return rawPath.isEmpty() ? "/" : encode(rawPath, false);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name), true), encode(decode(value), true)});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name, List.of());
            out.append(name).append(':')
                    .append(values.stream().map(CanonicalRequest::trimAll).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String trimAll(String value) {
        String trimmed = value.trim();
        // Most values have no run of spaces: skip the pattern then (String.replaceAll compiles one per call).
        return trimmed.contains("  ") ? SPACES.matcher(trimmed).replaceAll(" ") : trimmed;
    }

    /** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, everything else is %XX. */
    static String encode(String text, boolean encodeSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding that leaves '+' alone: SigV4 clients send spaces as %20. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
