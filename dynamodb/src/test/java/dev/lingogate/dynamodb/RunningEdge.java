package dev.lingogate.dynamodb;

import dev.lingogate.dynamodb.storage.SqliteTableStore;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.BacklogLimit;
import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real edge on an ephemeral port serving DynamoDB on SQLite files in a directory, and an SDK
 * client for it; expired items are swept every {@link #EXPIRY_SWEEP}.
 *
 * <p>A test class that shares one edge among its tests registers it, and gets it started on a
 * directory of its own before its {@code @BeforeAll} methods and closed after its {@code @AfterAll}:
 * {@code @RegisterExtension static final RunningEdge edge = RunningEdge.perTestClass();}
 */
final class RunningEdge implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final String ACCESS_KEY = "AKIDTEST";
    static final String SECRET_KEY = "test-secret";
    static final Duration EXPIRY_SWEEP = Duration.ofMillis(200);

    private Path dataDir;
    private final Duration tableStatusWindow;
    private final BacklogLimit writeBacklog;
    private final EdgeOptions edgeOptions;
    private final Vertx vertx = Vertx.vertx();
    private DynamoDb dynamoDb;
    private EdgeServer edge;
    private DynamoDbClient client;

    RunningEdge(Path dataDir) {
        this(dataDir, Duration.ZERO);
    }

    /** Not started yet: a test class's extension, started on a directory of its own. */
    private RunningEdge() {
        this.tableStatusWindow = Duration.ZERO;
        this.writeBacklog = SqliteTableStore.WRITE_BACKLOG;
        this.edgeOptions = EdgeOptions.onPort(0);
    }

    static RunningEdge perTestClass() {
        return new RunningEdge();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("lingogate-dynamodb-");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** An edge whose tables stay CREATING and DELETING for {@code tableStatusWindow}, as on AWS. */
    RunningEdge(Path dataDir, Duration tableStatusWindow) {
        this(dataDir, tableStatusWindow, SqliteTableStore.WRITE_BACKLOG, EdgeOptions.WORKER_BACKLOG);
    }

    /** An edge where at most {@code writeBacklog} waits for the writer and {@code workerBacklog} for the workers. */
    RunningEdge(Path dataDir, BacklogLimit writeBacklog, BacklogLimit workerBacklog) {
        this(dataDir, Duration.ZERO, writeBacklog, workerBacklog);
    }

    private RunningEdge(Path dataDir, Duration tableStatusWindow, BacklogLimit writeBacklog, BacklogLimit workerBacklog) {
        this.dataDir = dataDir;
        this.tableStatusWindow = tableStatusWindow;
        this.writeBacklog = writeBacklog;
        this.edgeOptions = EdgeOptions.onPort(0).withWorkerBacklog(workerBacklog);
        start();
    }

    private void start() {
        dynamoDb = DynamoDb.open(dataDir, "us-east-1", "000000000000", tableStatusWindow, writeBacklog);
        dynamoDb.sweepExpiredItems(vertx, EXPIRY_SWEEP);
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey(ACCESS_KEY, SECRET_KEY), new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        edge = new EdgeServer(vertx, edgeOptions, new SigV4Verifier(keys, Clock.systemUTC()), List.of(dynamoDb.service()));
        edge.start().await();
        client = newClient(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    /** The shared client: it never retries, so a test sees every error as the edge answered it. */
    DynamoDbClient client() {
        return client;
    }

    /** A client of the test's own (which closes it), configured beyond the shared one's endpoint and key. */
    DynamoDbClient newClient(Consumer<ClientOverrideConfiguration.Builder> configuration) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(configuration)
                .build();
    }

    /** The DynamoDB service itself, to serve behind another edge (one with other keys and policies). */
    AwsService service() {
        return dynamoDb.service();
    }

    String endpoint() {
        return "http://127.0.0.1:" + edge.port();
    }

    /**
     * Posts a body signed by hand to one operation, for what the SDK never sends (malformed JSON, a
     * number where a string belongs); the answer as it came.
     */
    HttpResponse<String> post(String operation, String body) throws IOException, InterruptedException {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(endpoint() + "/"))
                .putHeader("X-Amz-Target", "DynamoDB_20120810." + operation)
                .putHeader("Content-Type", "application/x-amz-json-1.0").build();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(unsigned)
                .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET_KEY))
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint() + "/")).POST(BodyPublishers.ofByteArray(bytes));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
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
