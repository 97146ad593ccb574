package dev.lingogate.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's front end looks for credentials before it verifies them: a call signed neither in its
 * {@code Authorization} header nor in its query string is missing its token, one signed in both is
 * refused, and one whose signature lacks a part is told every part it lacks, in AWS's words and order.
 */
final class CredentialsPresence {

    private static final List<String> HEADER_PARTS = List.of("Credential", "Signature", "SignedHeaders");
    private static final List<String> QUERY_PARTS = List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature",
            "X-Amz-SignedHeaders", "X-Amz-Date");
    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern HEADER_WORD_SEPARATOR = Pattern.compile("[, ]");

    private CredentialsPresence() {
    }

    /** Fails with the error AWS answers when the call's credentials are absent or incomplete. */
    static void check(IncomingCall call) {
        String authorization = call.header("authorization");
        Map<String, String> query = queryOf(call.rawQuery());
        boolean signedInQuery = query.containsKey("X-Amz-Algorithm");
        if (authorization != null && signedInQuery) {
            throw new AwsException(400, "InvalidSignatureException",
                    "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        }
        if (authorization == null && !signedInQuery || authorization != null && !authorization.trim().startsWith("AWS4-")) {
            throw new AwsException(400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        String missing = authorization != null ? missingFromHeader(authorization, call) : missingFromQuery(query);
        if (!missing.isEmpty()) {
            throw new AwsException(400, "IncompleteSignatureException", missing);
        }
    }

    private static String missingFromHeader(String authorization, IncomingCall call) {
        Map<String, String> parts = new HashMap<>();
        String[] words = HEADER_WORD_SEPARATOR.split(authorization.trim());
        for (int i = 1; i < words.length; i++) {
            String[] keyValue = words[i].trim().split("=", 2);
            if (keyValue.length == 2 && !keyValue[1].isEmpty()) {
                parts.put(keyValue[0], keyValue[1]);
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String part : HEADER_PARTS) {
            if (!parts.containsKey(part)) {
                missing.append("Authorization header requires '").append(part).append("' parameter. ");
            }
        }
        if (call.header("x-amz-date") == null && call.header("date") == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return missing.isEmpty() ? "" : missing + "Authorization=" + authorization;
    }

    private static String missingFromQuery(Map<String, String> query) {
        StringBuilder missing = new StringBuilder();
        for (String part : QUERY_PARTS) {
            if (query.getOrDefault(part, "").isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(part).append("'. ");
            }
        }
        return missing.isEmpty() ? "" : missing + "Re-examine the query-string parameters.";
    }

    private static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            String[] keyValue = pair.split("=", 2);
            query.putIfAbsent(decoded(keyValue[0]), keyValue.length == 2 ? decoded(keyValue[1]) : "");
        }
        return query;
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
