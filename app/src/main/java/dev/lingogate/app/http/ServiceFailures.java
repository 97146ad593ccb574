package dev.lingogate.app.http;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Which failures of Translate, Comprehend and DynamoDB are the client's to fix (400) or worth
 * retrying (503), following the error types AWS documents for those operations. Anything not
 * named here is a fault of ours and ends as a 500.
 */
public final class ServiceFailures {
    static final int RETRY_AFTER_SECONDS = 2;

    private ServiceFailures() {
    }

    public static Optional<HttpError> toHttpError(AwsServiceException e) {
        String detail = detail(e);
        if (e instanceof software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException) {
            return Optional.of(HttpError.badRequest(detail));
        }
        if (e instanceof software.amazon.awssdk.services.translate.model.DetectedLanguageLowConfidenceException) {
            return Optional.of(HttpError.badRequest(
                    "The source language could not be detected with confidence; choose it instead of auto: " + detail));
        }
        if (e instanceof software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException
                || e instanceof software.amazon.awssdk.services.comprehend.model.TextSizeLimitExceededException) {
            return Optional.of(HttpError.badRequest("Text is too long: " + detail));
        }
        if (e instanceof software.amazon.awssdk.services.translate.model.InvalidRequestException
                || e instanceof software.amazon.awssdk.services.comprehend.model.InvalidRequestException
                || e instanceof software.amazon.awssdk.services.comprehend.model.UnsupportedLanguageException) {
            return Optional.of(HttpError.badRequest("Invalid request: " + detail));
        }
        if (e instanceof software.amazon.awssdk.services.translate.model.ServiceUnavailableException
                || e instanceof software.amazon.awssdk.services.translate.model.TooManyRequestsException
                || e instanceof software.amazon.awssdk.services.comprehend.model.TooManyRequestsException
                || e.isThrottlingException()
                || e.statusCode() == 503) {
            return Optional.of(HttpError.serviceUnavailable(
                    "The translation service is busy or unavailable; try again in a moment", RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    /** AWS's own sentence, without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    private static String detail(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
