package dev.lingogate.app.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * The AWS clients a function uses, configured the same way everywhere. Region, endpoint and
 * credentials come from the environment (AWS_REGION, AWS_ENDPOINT_URL, the role's keys), which is
 * what lets the same jar talk to the local edge or to AWS without a line of difference.
 * Build them once per execution environment: warm invocations reuse their connections.
 */
public final class ServiceClients {
    /**
     * Below the functions' 15 s timeout in template.yaml (and API Gateway's 29 s), so a slow
     * engine ends as an answer the client can read, not as a killed invocation.
     */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);
    static final int MAX_ATTEMPTS = 3;

    private ServiceClients() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(httpClient()).overrideConfiguration(overrides()).build();
    }

    public static TranslateClient translate() {
        return TranslateClient.builder().httpClient(httpClient()).overrideConfiguration(overrides()).build();
    }

    public static ComprehendClient comprehend() {
        return ComprehendClient.builder().httpClient(httpClient()).overrideConfiguration(overrides()).build();
    }

    /**
     * Named explicitly, so the SDK does not look for another. No idle-connection reaper: a frozen
     * environment has no use for a thread of its own, and a connection found closed is opened again.
     */
    private static SdkHttpClient httpClient() {
        return ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(10))
                .useIdleConnectionReaper(false)
                .build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }
}
