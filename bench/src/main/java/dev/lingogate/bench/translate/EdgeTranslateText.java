package dev.lingogate.bench.translate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Lingogate's AWS edge, called as the AWS CLI calls Amazon Translate: TranslateText in AWS JSON 1.1,
 * every request signed on its own with SigV4 (the admin pair) by the AWS SDK v2's signer, and each
 * signature checked by the edge. The requests of a pass are signed just before it: AWS accepts a
 * signature for five minutes after its X-Amz-Date, longer than a pass lasts, and the driver's
 * signing then costs the server no CPU while it is measured.
 */
final class EdgeTranslateText implements TranslationTarget {

    private static final AwsCredentialsIdentity ADMIN = AwsCredentialsIdentity.create("lingogate", "lingogate");

    private final URI server;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    EdgeTranslateText(URI server) {
        this.server = server;
    }

    @Override
    public String label() {
        return "Lingogate edge, TranslateText (SigV4)";
    }

    @Override
    public URI server() {
        return server;
    }

    @Override
    public List<WireRequest> requests(List<String> sentences) {
        return sentences.stream().map(this::signed).toList();
    }

    private WireRequest signed(String sentence) {
        byte[] body = ("{\"Text\":" + WireRequest.jsonString(sentence)
                + ",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"es\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(server).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSShineFrontendService_20170701.TranslateText")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(ADMIN).request(request)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "translate")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> headers.put(name, values.get(0)));
        return WireRequest.post(server, "/", headers, body);
    }

    @Override
    public String translationField() {
        return "\"TranslatedText\"";
    }
}
