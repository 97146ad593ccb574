package dev.lingogate.bench.translate;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.translate.TranslateClient;

/**
 * Lingogate's AWS edge, called as an application calls Amazon Translate: the AWS SDK for Java v2,
 * every request signed with SigV4 (the admin pair), in the protocol the SDK chooses itself.
 */
final class EdgeTranslateText implements TranslationTarget {

    private final TranslateClient translate;

    EdgeTranslateText(URI endpoint, int connections) {
        this.translate = TranslateClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("lingogate", "lingogate")))
                .httpClient(ApacheHttpClient.builder().maxConnections(connections).tcpKeepAlive(true)
                        .socketTimeout(Duration.ofSeconds(30)).build())
                // A retried request would hide an error and count twice: every request stands alone.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public String label() {
        return "Lingogate edge, TranslateText (SDK v2, SigV4)";
    }

    @Override
    public String translate(String sentence) {
        return translate.translateText(r -> r.text(sentence).sourceLanguageCode("en").targetLanguageCode("es"))
                .translatedText();
    }

    @Override
    public void close() {
        translate.close();
    }
}
