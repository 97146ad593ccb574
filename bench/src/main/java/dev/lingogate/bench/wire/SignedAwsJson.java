package dev.lingogate.bench.wire;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests of an AWS JSON protocol ({@code POST /} with {@code X-Amz-Target}) to one endpoint, each
 * signed on its own with SigV4 by the AWS SDK v2's signer and kept as the bytes that go on the wire.
 * A driver signs a pass's requests just before it: AWS accepts a signature for five minutes after
 * its X-Amz-Date, longer than a pass, and the signing then takes no CPU from the server measured.
 */
public final class SignedAwsJson {

    private static final String REGION = "us-east-1";

    private final URI endpoint;
    private final AwsCredentialsIdentity credentials;
    private final String signingName;
    private final String contentType;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param signingName the service's name in the signature's scope ({@code dynamodb}, {@code translate})
     * @param jsonVersion {@code 1.0} or {@code 1.1}, as the service's protocol has it
     */
    public SignedAwsJson(URI endpoint, AwsCredentialsIdentity credentials, String signingName, String jsonVersion) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.signingName = signingName;
        this.contentType = "application/x-amz-json-" + jsonVersion;
    }

    /** @param target the operation as {@code X-Amz-Target} names it, e.g. {@code DynamoDB_20120810.GetItem} */
    public WireRequest request(String target, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath("/")
                .putHeader("Content-Type", contentType)
                .putHeader("X-Amz-Target", target)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials).request(request)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return WireRequest.post(endpoint, "/", headers, body);
    }
}
