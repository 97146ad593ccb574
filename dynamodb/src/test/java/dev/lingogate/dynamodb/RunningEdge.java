package dev.lingogate.dynamodb;

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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real edge on an ephemeral port serving DynamoDB on SQLite files in a directory, and an SDK
 * client for it; expired items are swept every {@link #EXPIRY_SWEEP}.
 */
final class RunningEdge implements AutoCloseable {

    static final String ACCESS_KEY = "AKIDTEST";
    static final String SECRET_KEY = "test-secret";
    static final Duration EXPIRY_SWEEP = Duration.ofMillis(200);

    private final Path dataDir;
    private final Vertx vertx = Vertx.vertx();
    private DynamoDb dynamoDb;
    private EdgeServer edge;
    private DynamoDbClient client;

    RunningEdge(Path dataDir) {
        this.dataDir = dataDir;
        start();
    }

    private void start() {
        dynamoDb = DynamoDb.open(dataDir, "us-east-1", "000000000000");
        dynamoDb.sweepExpiredItems(vertx, EXPIRY_SWEEP);
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey(ACCESS_KEY, SECRET_KEY), new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        edge = new EdgeServer(vertx, EdgeOptions.onPort(0), new SigV4Verifier(keys, Clock.systemUTC()), List.of(dynamoDb.service()));
        edge.start().await();
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    DynamoDbClient client() {
        return client;
    }

    /** The DynamoDB service itself, to serve behind another edge (one with other keys and policies). */
    AwsService service() {
        return dynamoDb.service();
    }

    String endpoint() {
        return "http://127.0.0.1:" + edge.port();
    }

    /** Stops the edge and closes the database, then opens both again on the same files. */
    void restart() {
        stop();
        start();
    }

    private void stop() {
        client.close();
        edge.stop().await();
        dynamoDb.close();
    }

    @Override
    public void close() {
        stop();
        vertx.close().await();
    }
}
