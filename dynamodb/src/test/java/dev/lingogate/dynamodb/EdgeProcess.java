package dev.lingogate.dynamodb;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link StandaloneEdge} in a JVM of its own, started on the test's own class path, on a data
 * directory that outlives it; and an SDK client for it that never retries, so that every answer
 * it returns is one the edge really gave.
 */
final class EdgeProcess implements AutoCloseable {

    private final Process process;
    private final DynamoDbClient client;

    private EdgeProcess(Process process, int port) {
        this.process = process;
        this.client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(RunningEdge.ACCESS_KEY, RunningEdge.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Starts the edge on {@code dataDir} and waits until it listens; its output goes to {@code log}. */
    static EdgeProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        Path portFile = dataDir.resolveSibling(dataDir.getFileName() + ".port");
        Files.deleteIfExists(portFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), StandaloneEdge.class.getName(),
                dataDir.toString(), "0", portFile.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(portFile)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the edge exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the edge did not listen within 30 s: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return new EdgeProcess(process, Integer.parseInt(Files.readString(portFile).trim()));
    }

    DynamoDbClient client() {
        return client;
    }

    /** SIGKILL: the edge gets no chance to finish anything, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        kill();
    }
}
