package dev.lingogate.bench.translate;

import dev.lingogate.bench.wire.SignedAwsJson;
import dev.lingogate.bench.wire.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    private final SignedAwsJson requests;

    EdgeTranslateText(URI server) {
        this.server = server;
        this.requests = new SignedAwsJson(server, ADMIN, "translate", "1.1");
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
        return requests.request("AWSShineFrontendService_20170701.TranslateText", ("{\"Text\":" + WireRequest.jsonString(sentence)
                + ",\"SourceLanguageCode\":\"en\",\"TargetLanguageCode\":\"es\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String translationField() {
        return "\"TranslatedText\"";
    }
}
