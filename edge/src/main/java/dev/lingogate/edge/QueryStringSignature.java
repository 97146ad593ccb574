package dev.lingogate.edge;

import dev.lingogate.iam.sigv4.SignedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call signed in its query string (a presigned URL) rather than its {@code Authorization} header.
 * SigV4 signs both the same way, except that the signature's parts travel as {@code X-Amz-*}
 * parameters and every parameter but the signature itself is part of what was signed; so the call
 * is verified as the header-signed request it stands for.
 */
final class QueryStringSignature {

    private static final String SIGNATURE = "X-Amz-Signature";

    private QueryStringSignature() {
    }

    /** The request as the verifier reads it: header-signed as it was, or carrying its query's signature as headers. */
    static SignedRequest of(IncomingCall call) {
        if (call.header("authorization") != null || !call.rawQuery().contains("X-Amz-Algorithm")) {
            return new SignedRequest(call.method(), call.rawPath(), call.rawQuery(), call.headers(), call.body());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> signedQuery = new ArrayList<>();
        for (String pair : call.rawQuery().split("&")) {
            String[] keyValue = pair.split("=", 2);
            String value = keyValue.length == 2 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8) : "";
            parameters.put(keyValue[0], value);
            if (!keyValue[0].equals(SIGNATURE)) {
                signedQuery.add(pair);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(call.headers());
        headers.put("authorization", List.of(parameters.get("X-Amz-Algorithm") + " Credential="
                + parameters.get("X-Amz-Credential") + ", SignedHeaders=" + parameters.get("X-Amz-SignedHeaders")
                + ", Signature=" + parameters.get(SIGNATURE)));
        headers.put("x-amz-date", List.of(parameters.get("X-Amz-Date")));
        return new SignedRequest(call.method(), call.rawPath(), String.join("&", signedQuery), headers, call.body());
    }
}
