package dev.lingogate.app.http;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.translate.model.DetectedLanguageLowConfidenceException;
import software.amazon.awssdk.services.translate.model.InvalidRequestException;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TooManyRequestsException;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

/**
 * Which failures of Translate, Comprehend and DynamoDB are the client's to fix (400) or worth
 * retrying (503), following the error types AWS documents for those operations. Anything not
 * named here is a fault of ours and ends as a 500. Comprehend's exceptions share simple names
 * with Translate's, hence their qualified names.
 */
public final class ServiceFailures {
    static final int RETRY_AFTER_SECONDS = 2;
    private static final String UNAVAILABLE = "The service is busy or unavailable right now; try again in a moment";

    private ServiceFailures() {
    }

    public static Optional<HttpError> toHttpError(AwsServiceException e) {
        String detail = detail(e);
        if (e instanceof UnsupportedLanguagePairException) {
            return Optional.of(HttpError.badRequest(detail));
        }
        if (e instanceof DetectedLanguageLowConfidenceException) {
            return Optional.of(HttpError.badRequest(
                    "The source language could not be detected with confidence; choose it instead of auto: " + detail));
        }
        if (e instanceof TextSizeLimitExceededException
                || e instanceof software.amazon.awssdk.services.comprehend.model.TextSizeLimitExceededException) {
            return Optional.of(HttpError.badRequest("Text is too long: " + detail));
        }
        if (e instanceof InvalidRequestException
                || e instanceof software.amazon.awssdk.services.comprehend.model.InvalidRequestException
                || e instanceof software.amazon.awssdk.services.comprehend.model.UnsupportedLanguageException) {
            return Optional.of(HttpError.badRequest("Invalid request: " + detail));
        }
        if (e instanceof ServiceUnavailableException
                || e instanceof TooManyRequestsException
                || e instanceof software.amazon.awssdk.services.comprehend.model.TooManyRequestsException
                || e.isThrottlingException()
                || e.statusCode() == 503) {
            return Optional.of(HttpError.serviceUnavailable(UNAVAILABLE, RETRY_AFTER_SECONDS));
        }
        return Optional.empty();
    }

    /**
     * A service that could not be reached or did not answer in time, after the SDK's retries, is
     * unavailable (503). Other client-side failures (no credentials, say) are faults of ours.
     */
    public static Optional<HttpError> toHttpError(SdkClientException e) {
        boolean unreachable = e instanceof ApiCallTimeoutException
                || e instanceof ApiCallAttemptTimeoutException
                || e.getCause() instanceof IOException;
        return unreachable ? Optional.of(HttpError.serviceUnavailable(UNAVAILABLE, RETRY_AFTER_SECONDS)) : Optional.empty();
    }

    /** AWS's own sentence, without the SDK's "(Service: ..., Request ID: ...)" suffix. */
    private static String detail(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return String.valueOf(e.getMessage());
    }
}
