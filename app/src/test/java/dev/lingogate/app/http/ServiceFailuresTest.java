package dev.lingogate.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.translate.model.DetectedLanguageLowConfidenceException;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TooManyRequestsException;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

class ServiceFailuresTest {

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }

    private static HttpError mapped(AwsServiceException e) {
        return ServiceFailures.toHttpError(e).orElseThrow();
    }

    @Test
    void unsupportedLanguagePairIsA400WithTranslatesWords() {
        HttpError error = mapped(UnsupportedLanguagePairException.builder()
                .awsErrorDetails(details("UnsupportedLanguagePairException", "Unsupported language pair: en to xx."))
                .statusCode(400).build());
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("Unsupported language pair: en to xx.");
    }

    @Test
    void textOverTranslatesLimitIsA400() {
        HttpError error = mapped(TextSizeLimitExceededException.builder().message("Input text size exceeds limit.").build());
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).startsWith("Text is too long");
    }

    @Test
    void textOverComprehendsLimitIsA400() {
        HttpError error = mapped(software.amazon.awssdk.services.comprehend.model.TextSizeLimitExceededException.builder()
                .message("Input text size exceeds limit.").build());
        assertThat(error.status()).isEqualTo(400);
    }

    @Test
    void aLanguageDetectedWithLowConfidenceAsksTheClientToChoose() {
        HttpError error = mapped(DetectedLanguageLowConfidenceException.builder().message("low confidence").build());
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).contains("choose it instead of auto");
    }

    @Test
    void anUnavailableTranslateIsA503WithRetryAfter() {
        HttpError error = mapped(ServiceUnavailableException.builder().message("down").statusCode(500).build());
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.headers()).containsEntry("Retry-After", "2");
    }

    @Test
    void throttledTranslateIsA503WithRetryAfter() {
        HttpError error = mapped(TooManyRequestsException.builder().message("slow down").build());
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.headers()).containsKey("Retry-After");
    }

    @Test
    void throttledDynamoDbIsA503() {
        HttpError error = mapped(ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(details("ProvisionedThroughputExceededException", "too fast")).statusCode(400).build());
        assertThat(error.status()).isEqualTo(503);
    }

    @Test
    void aServiceThatCannotBeReachedIsA503() {
        HttpError error = ServiceFailures.toHttpError(SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"))).orElseThrow();
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.headers()).containsEntry("Retry-After", "2");
    }

    @Test
    void aServiceThatTakesTooLongIsA503() {
        assertThat(ServiceFailures.toHttpError(ApiCallTimeoutException.create(12_000)).orElseThrow().status()).isEqualTo(503);
    }

    @Test
    void missingCredentialsAreOurFaultNotTheClients() {
        assertThat(ServiceFailures.toHttpError(SdkClientException.create("Unable to load credentials"))).isEmpty();
    }

    @Test
    void aMissingTableIsOurFaultNotTheClients() {
        assertThat(ServiceFailures.toHttpError(ResourceNotFoundException.builder()
                .awsErrorDetails(details("ResourceNotFoundException", "Requested resource not found")).statusCode(400).build()))
                .isEmpty();
    }
}
