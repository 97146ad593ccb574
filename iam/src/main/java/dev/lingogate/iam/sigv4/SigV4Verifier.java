package dev.lingogate.iam.sigv4;

import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request and tells which principal signed it, with AWS's own
 * error codes and messages for every way a signature can be wrong.
 */
public final class SigV4Verifier {

    /** AWS refuses signatures more than 15 minutes away from its clock. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** Days × regions × services × keys in use: a handful; the bound only guards against a flood of scopes. */
    private static final int MAX_SIGNING_KEYS = 1_024;

    private final KeyRing keyRing;
    private final Clock clock;
    private final Map<String, DerivedKey> signingKeys = new ConcurrentHashMap<>();
    /**
     * The last X-Amz-Date parsed: every call signed in the same second carries the same one, and
     * DateTimeFormatter's parse was 40% of a verification's CPU (JFR, GetItem at 16 callers).
     */
    private volatile SigningDate lastDate = new SigningDate("", Instant.EPOCH);

    public SigV4Verifier(KeyRing keyRing, Clock clock) {
        this.keyRing = keyRing;
        this.clock = clock;
    }

    public Principal verify(SignedRequest request) throws SignatureException {
        String header = request.header("authorization");
        if (header == null) {
            throw new SignatureException("MissingAuthenticationTokenException", "Request is missing Authentication Token");
        }
        Authorization authorization = Authorization.parse(header);
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw new SignatureException("IncompleteSignatureException",
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization="
                            + header);
        }
        Instant signedAt = signedAt(amzDate);
        checkScopeDate(authorization, amzDate);
        checkFreshness(signedAt, amzDate);
        String secret = keyRing.secretOf(authorization.accessKeyId()).orElseThrow(() -> new SignatureException(
                "UnrecognizedClientException", "The security token included in the request is invalid."));

        String canonical = CanonicalRequest.of(request, authorization.signedHeaders(), payloadHash(request));
        String stringToSign = Authorization.ALGORITHM + '\n' + amzDate + '\n' + authorization.scope() + '\n'
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secret, authorization);
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new SignatureException("InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. "
                            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return keyRing.principalOf(authorization.accessKeyId()).orElseThrow(() -> new SignatureException(
                "UnrecognizedClientException", "The security token included in the request is invalid."));
    }

    /**
     * The signing key is derived from the scope's date, so a scope dated another day than the request
     * would let a key derived for one day sign requests of any other; AWS refuses it.
     */
    private static void checkScopeDate(Authorization authorization, String amzDate) throws SignatureException {
        String requestDay = amzDate.substring(0, 8);
        if (!authorization.date().equals(requestDay)) {
            throw new SignatureException("InvalidSignatureException",
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + authorization.date() + "' != '" + requestDay + "', from '" + amzDate + "'.");
        }
    }

    private void checkFreshness(Instant signedAt, String amzDate) throws SignatureException {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new SignatureException("InvalidSignatureException", "Signature expired: " + amzDate
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new SignatureException("InvalidSignatureException", "Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 15 min.)");
        }
    }

    private static String payloadHash(SignedRequest request) {
        String declared = request.header("x-amz-content-sha256");
        if (declared != null && declared.equals(UNSIGNED_PAYLOAD)) {
            return declared;
        }
        // The hash is recomputed rather than trusted: a body changed in transit must fail.
        return hex(sha256(request.body()));
    }

    private Instant signedAt(String amzDate) throws SignatureException {
        SigningDate last = lastDate;
        if (last.text().equals(amzDate)) {
            return last.instant();
        }
        Instant parsed = parseDate(amzDate);
        lastDate = new SigningDate(amzDate, parsed);
        return parsed;
    }

    private record SigningDate(String text, Instant instant) {
    }

    private static Instant parseDate(String amzDate) throws SignatureException {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new SignatureException("IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * The key is the same for every request of a day, region and service, so it is derived once
     * (four HMACs) and kept, as AWS's own signers keep it; it is derived again if the access key's
     * secret changed since.
     */
    private byte[] signingKey(String secret, Authorization authorization) {
        String scope = authorization.accessKeyId() + '/' + authorization.scope();
        DerivedKey known = signingKeys.get(scope);
        if (known != null && known.secret().equals(secret)) {
            return known.key();
        }
        byte[] date = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), authorization.date());
        byte[] region = hmac(date, authorization.region());
        byte[] service = hmac(region, authorization.service());
        byte[] key = hmac(service, "aws4_request");
        if (signingKeys.size() >= MAX_SIGNING_KEYS) {
            signingKeys.clear();
        }
        signingKeys.put(scope, new DerivedKey(secret, key));
        return key;
    }

    private record DerivedKey(String secret, byte[] key) {}

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
