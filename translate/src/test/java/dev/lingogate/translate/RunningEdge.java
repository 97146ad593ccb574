package dev.lingogate.translate;

import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Effect;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.policy.Statement;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * A real AWS edge on an ephemeral port of 127.0.0.1 serving the given services, with SDK clients
 * for two callers: an administrator, and a user whose policy allows nothing.
 */
final class RunningEdge implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final EdgeServer edge;
    private final TranslateClient translate;
    private final TranslateClient deniedTranslate;
    private final ComprehendClient comprehend;
    private final ComprehendClient deniedComprehend;

    RunningEdge(List<AwsService> services) {
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey("AKIDTEST", "test-secret"),
                new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        keys.add(new AccessKey("AKIDNOBODY", "nobody-secret"),
                new Principal("arn:aws:iam::000000000000:user/nobody",
                        new Policy(List.of(new Statement(Effect.ALLOW, List.of("dynamodb:GetItem"), List.of("*"))))));
        edge = new EdgeServer(vertx, EdgeOptions.onPort(0), new SigV4Verifier(keys, Clock.systemUTC()), services);
        edge.start().await();
        translate = client(TranslateClient.builder(), "AKIDTEST", "test-secret");
        deniedTranslate = client(TranslateClient.builder(), "AKIDNOBODY", "nobody-secret");
        comprehend = client(ComprehendClient.builder(), "AKIDTEST", "test-secret");
        deniedComprehend = client(ComprehendClient.builder(), "AKIDNOBODY", "nobody-secret");
    }

    /** The edge's address, for clients other than the SDK's (the AWS CLI, a remote engine). */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + edge.port());
    }

    TranslateClient translate() {
        return translate;
    }

    TranslateClient deniedTranslate() {
        return deniedTranslate;
    }

    ComprehendClient comprehend() {
        return comprehend;
    }

    ComprehendClient deniedComprehend() {
        return deniedComprehend;
    }

    private <C, B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>> C client(B builder, String key, String secret) {
        return builder.endpointOverride(URI.create("http://127.0.0.1:" + edge.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        translate.close();
        deniedTranslate.close();
        comprehend.close();
        deniedComprehend.close();
        edge.stop().await();
        vertx.close().await();
    }
}
