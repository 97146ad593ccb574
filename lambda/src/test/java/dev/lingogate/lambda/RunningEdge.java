package dev.lingogate.lambda;

import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
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
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A real AWS edge on an ephemeral port of 127.0.0.1, with an admin key and a key that may do nothing. */
final class RunningEdge implements AutoCloseable {

    static final AccessKey ADMIN = new AccessKey("AKIDTEST", "test-secret");
    static final AccessKey NOBODY = new AccessKey("AKIDNOBODY", "nobody-secret");

    private final EdgeServer edge;

    RunningEdge(Vertx vertx, List<AwsService> services) {
        this(vertx, services, EdgeOptions.onPort(0));
    }

    RunningEdge(Vertx vertx, List<AwsService> services, EdgeOptions options) {
        KeyRing keys = new KeyRing();
        keys.add(ADMIN, new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        keys.add(NOBODY, new Principal("arn:aws:iam::000000000000:user/nobody", new Policy(List.of())));
        edge = new EdgeServer(vertx, options, new SigV4Verifier(keys, Clock.systemUTC()), services);
        edge.start().await();
    }

    int port() {
        return edge.port();
    }

    LambdaClient lambdaClient(AccessKey key) {
        return LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + edge.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        edge.stop().await();
    }
}
