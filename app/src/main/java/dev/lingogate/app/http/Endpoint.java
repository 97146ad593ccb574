package dev.lingogate.app.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The edge of every handler: runs one route and turns whatever it throws into an answer the
 * client can read. Expected failures become their status; anything else is logged with its
 * stack trace to the Lambda log and answered as a bare 500 with the request id to quote.
 * An unreachable service is logged too (the operator must know) but answered as 503.
 */
public final class Endpoint {
    /** One route of a handler: a request in, a response out, failures thrown. */
    @FunctionalInterface
    public interface Route {
        APIGatewayProxyResponseEvent answer(ProxyRequest request);
    }

    private final ErrorShape errors;

    public Endpoint(ErrorShape errors) {
        this.errors = errors;
    }

    public APIGatewayProxyResponseEvent serve(APIGatewayProxyRequestEvent event, Context context, Route route) {
        try {
            return route.answer(new ProxyRequest(event));
        } catch (HttpError e) {
            return errors.response(e);
        } catch (AwsServiceException e) {
            Optional<HttpError> known = ServiceFailures.toHttpError(e);
            if (known.isPresent()) {
                return errors.response(known.get());
            }
            return internalError(context, e);
        } catch (SdkClientException e) {
            log(context, e);
            return ServiceFailures.toHttpError(e).map(errors::response)
                    .orElseGet(() -> errors.internalError(context.getAwsRequestId()));
        } catch (RuntimeException e) {
            return internalError(context, e);
        }
    }

    private APIGatewayProxyResponseEvent internalError(Context context, RuntimeException e) {
        log(context, e);
        return errors.internalError(context.getAwsRequestId());
    }

    private static void log(Context context, RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        context.getLogger().log("ERROR request " + context.getAwsRequestId() + " failed: " + trace);
    }
}
