package dev.lingogate.app.testing;

import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import dev.lingogate.translate.TranslateOptions;
import dev.lingogate.translate.TranslationEngine;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.comprehend.ComprehendClient;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * Lingogate's translation engine (the installed Apertium pairs, one pipeline each) behind a real
 * AWS edge on an ephemeral port of 127.0.0.1, and the SDK clients a function would build to reach it.
 */
public final class LocalTranslationEngine implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final TranslationEngine engine;
    private final EdgeServer edge;
    private final TranslateClient translate;
    private final ComprehendClient comprehend;

    public LocalTranslationEngine() {
        engine = TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 1,
                TranslateOptions.defaults().requestTimeout()).withoutCache());
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey("AKIDAPP", "app-secret"), new Principal("arn:aws:iam::000000000000:user/app", Policy.ALLOW_ALL));
        edge = new EdgeServer(vertx, EdgeOptions.onPort(0), new SigV4Verifier(keys, Clock.systemUTC()), engine.services());
        edge.start().await();
        URI endpoint = URI.create("http://127.0.0.1:" + edge.port());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAPP", "app-secret"));
        translate = TranslateClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create()).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        comprehend = ComprehendClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(ApacheHttpClient.create()).overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public TranslateClient translate() {
        return translate;
    }

    public ComprehendClient comprehend() {
        return comprehend;
    }

    @Override
    public void close() {
        translate.close();
        comprehend.close();
        edge.stop().await();
        vertx.close().await();
        engine.close();
    }
}
