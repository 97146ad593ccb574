package dev.lingogate.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * Real AWS SDK clients aimed at a port on 127.0.0.1 where nothing listens. A handler test that
 * must stop at validation proves it did: had it called AWS, it would have answered 500.
 */
public final class UnreachableServices {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:" + freedPort());

    private UnreachableServices() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static TranslateClient translate() {
        return TranslateClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static ComprehendClient comprehend() {
        return ComprehendClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    /** A port that was free a moment ago: bound, then released. */
    private static int freedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
