package dev.lingogate.translate.remote;

import dev.lingogate.translate.language.LanguagePair;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.TranslateException;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

/**
 * Amazon Translate's TranslateText through the AWS SDK, signed with SigV4 by the credentials of the
 * environment (variables, system properties, profile, container or instance role, as every AWS
 * tool finds them): AWS itself, or any Translate-compatible endpoint such as another Lingogate
 * edge. The region is the environment's, else the endpoint's ({@code translate.eu-west-1.amazonaws.com}),
 * else us-east-1. The SDK's own retries are off: {@link RemoteEngines} retries every engine alike.
 */
final class AmazonTranslateApi implements RemoteTranslator {

    private static final Pattern REGION_IN_HOST = Pattern.compile("translate(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com");

    private final AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
    private final TranslateClient client;

    AmazonTranslateApi(RemoteEngine engine) {
        this.client = TranslateClient.builder()
                .endpointOverride(engine.endpoint())
                .region(region(engine))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(engine.timeout())
                        .socketTimeout(engine.timeout())
                        .build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallAttemptTimeout(engine.timeout()))
                .build();
    }

    @Override
    public String translate(String text, LanguagePair pair, boolean html) throws RemoteFailure {
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new RemoteFailure(RemoteFailure.Kind.REFUSED, "no AWS credentials in the environment to sign with: " + e.getMessage());
        }
        try {
            return client.translateText(r -> r.text(text).sourceLanguageCode(pair.source()).targetLanguageCode(pair.target()))
                    .translatedText();
        } catch (UnsupportedLanguagePairException e) {
            throw new RemoteFailure(RemoteFailure.Kind.UNSUPPORTED_PAIR, e.awsErrorDetails().errorMessage());
        } catch (TranslateException e) {
            int status = e.statusCode();
            throw new RemoteFailure(status == 429 || status >= 500 ? RemoteFailure.Kind.PASSING : RemoteFailure.Kind.REFUSED,
                    e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw new RemoteFailure(RemoteFailure.Kind.PASSING, e.getMessage());
        }
    }

    private static Region region(RemoteEngine engine) {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            Matcher host = REGION_IN_HOST.matcher(String.valueOf(engine.endpoint().getHost()));
            return host.matches() ? Region.of(host.group(1)) : Region.US_EAST_1;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
