package dev.lingogate.edge;

import dev.lingogate.iam.AccessKey;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Calls to the tests' {@code greeter} service in us-east-1, signed by the AWS SDK's SigV4 signer. */
final class SignedCalls {

    private SignedCalls() {
    }

    /** A JSON-protocol call to {@code target}, e.g. {@code Greeter_1.Greet}, posted to {@code uri}. */
    static HttpRequest json(AccessKey key, URI uri, String target, String body) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", target).build();
        return signed(key, unsigned, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code unsigned} with {@code body}, signed in its headers. */
    static HttpRequest signed(AccessKey key, SdkHttpRequest unsigned, byte[] body) {
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(key.id(), key.secret()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "greeter")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(unsigned.getUri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }
}
