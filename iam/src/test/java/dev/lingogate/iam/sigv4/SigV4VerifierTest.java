package dev.lingogate.iam.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK's own SigV4 signer, checked by ours. */
class SigV4VerifierTest {

    private static final AccessKey KEY = new AccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Principal ADMIN = new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL);
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final KeyRing keyRing = new KeyRing();
    private final SigV4Verifier verifier = new SigV4Verifier(keyRing, Clock.fixed(NOW, ZoneOffset.UTC));

    SigV4VerifierTest() {
        keyRing.add(KEY, ADMIN);
    }

    @Test
    void requestSignedByTheSdkIsAttributedToItsPrincipal() throws Exception {
        SignedRequest request = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{\"TableName\":\"T\"}");

        assertThat(verifier.verify(request)).isEqualTo(ADMIN);
    }

    @Test
    void pathsWithEncodedCharactersAndQueryStringsVerify() throws Exception {
        SignedRequest request = signedBySdk(KEY, SdkHttpMethod.POST,
                "http://127.0.0.1:4566/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A0%3Afunction%3Aecho/invocations"
                        + "?Qualifier=%24LATEST&b=two%20words&a=1",
                "{}");

        assertThat(verifier.verify(request)).isEqualTo(ADMIN);
    }

    @Test
    void bodyChangedAfterSigningIsRejected() throws Exception {
        SignedRequest signed = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{\"a\":1}");
        SignedRequest tampered = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(), signed.headers(),
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> verifier.verify(tampered))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void wrongSecretIsRejected() throws Exception {
        SignedRequest request = signedBySdk(new AccessKey(KEY.id(), "not-the-secret"), SdkHttpMethod.POST,
                "http://127.0.0.1:4566/", "{}");

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"));
    }

    @Test
    void aKeyWhoseSecretChangedNoLongerVerifiesWithTheOldSecret() throws Exception {
        SignedRequest withOldSecret = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}");
        assertThat(verifier.verify(withOldSecret)).isEqualTo(ADMIN);

        AccessKey rotated = new AccessKey(KEY.id(), "a-new-secret-after-rotation");
        keyRing.add(rotated, ADMIN);

        assertThatThrownBy(() -> verifier.verify(withOldSecret))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"));
        assertThat(verifier.verify(signedBySdk(rotated, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}"))).isEqualTo(ADMIN);
    }

    @Test
    void unknownAccessKeyIsAnUnrecognizedClient() throws Exception {
        SignedRequest request = signedBySdk(new AccessKey("AKIDUNKNOWN", "x"), SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}");

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("UnrecognizedClientException"))
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void requestWithoutAuthorizationIsMissingItsToken() {
        SignedRequest request = new SignedRequest("POST", "/", "", Map.of(), new byte[0]);

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("MissingAuthenticationTokenException"))
                .hasMessage("Request is missing Authentication Token");
    }

    @Test
    void signatureOlderThanFifteenMinutesHasExpired() throws Exception {
        SignedRequest request = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}");
        SigV4Verifier later = new SigV4Verifier(keyRing, Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("Signature expired: 20261124T120000Z is now earlier than");
    }

    @Test
    void signatureFromMoreThanFifteenMinutesAheadIsNotYetCurrent() throws Exception {
        SignedRequest request = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}");
        SigV4Verifier earlier = new SigV4Verifier(keyRing, Clock.fixed(NOW.minus(Duration.ofMinutes(16)), ZoneOffset.UTC));

        assertThatThrownBy(() -> earlier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Signature not yet current: 20261124T120000Z is still later than 20261124T115900Z"
                        + " (20261124T114400Z + 15 min.)");
    }

    @Test
    void scopeDatedAnotherDayThanTheRequestIsRejected() throws Exception {
        SignedRequest signed = signedBySdk(KEY, SdkHttpMethod.POST, "http://127.0.0.1:4566/", "{}");
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("authorization", List.of(signed.header("authorization").replace("/20261124/", "/20261123/")));
        SignedRequest otherDay = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(), headers,
                signed.body());

        assertThatThrownBy(() -> verifier.verify(otherDay))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("InvalidSignatureException"))
                .hasMessage("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20261123' != '20261124', from '20261124T120000Z'.");
    }

    @Test
    void malformedAuthorizationHeaderIsAnIncompleteSignature() {
        SignedRequest request = new SignedRequest("POST", "/", "",
                Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/dynamodb/aws4_request"),
                        "x-amz-date", List.of("20261124T120000Z")),
                new byte[0]);

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("IncompleteSignatureException"))
                .hasMessageContaining("'SignedHeaders'");
    }

    @Test
    void anAuthorizationOfAnotherSchemeIsAnIncompleteSignature() {
        SignedRequest request = new SignedRequest("POST", "/", "",
                Map.of("authorization", List.of("Basic bGluZ29nYXRlOmxpbmdvZ2F0ZQ=="), "x-amz-date", List.of("20261124T120000Z")),
                new byte[0]);

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("IncompleteSignatureException"))
                .hasMessageStartingWith("Authorization header requires 'Credential' parameter.");
    }

    private static SignedRequest signedBySdk(AccessKey key, SdkHttpMethod method, String url, String body) {
        URI uri = URI.create(url);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(method).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(key.id(), key.secret()))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        headers.put("host", List.of(uri.getHost() + ":" + uri.getPort()));
        return new SignedRequest(method.name(), uri.getRawPath(), uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                headers, bytes);
    }
}
