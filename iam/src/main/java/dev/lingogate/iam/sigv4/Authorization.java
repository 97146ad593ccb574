package dev.lingogate.iam.sigv4;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * header.
 */
record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
        String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static Authorization parse(String header) throws SignatureException {
        if (!header.startsWith(ALGORITHM + " ")) {
            // Another scheme (SigV2, Basic, ...) carries none of the parts SigV4 needs; AWS names them all.
            throw incomplete("Authorization header requires 'Credential' parameter. Authorization header requires "
                    + "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                    + "Authorization=" + header);
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String trimmed = part.trim();
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = trimmed.substring(eq + 1);
            switch (trimmed.substring(0, eq)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        List<String> missing = new ArrayList<>();
        if (credential == null) {
            missing.add("Credential");
        }
        if (signedHeaders == null) {
            missing.add("SignedHeaders");
        }
        if (signature == null) {
            missing.add("Signature");
        }
        if (!missing.isEmpty()) {
            throw incomplete(String.join(", ", missing.stream().map(m -> "Authorization header requires '" + m
                    + "' parameter.").toList()) + " Authorization=" + header);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw incomplete("Credential should be scoped to a valid region. ");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature);
    }

    String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    private static SignatureException incomplete(String message) {
        return new SignatureException("IncompleteSignatureException", message);
    }
}
