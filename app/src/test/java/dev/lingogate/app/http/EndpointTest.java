package dev.lingogate.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

class EndpointTest {
    private final RecordingContext context = new RecordingContext();

    private APIGatewayProxyResponseEvent serve(ErrorShape shape, Endpoint.Route route) {
        return new Endpoint(shape).serve(new APIGatewayProxyRequestEvent().withHttpMethod("GET"), context, route);
    }

    @Test
    void aRefusedRequestAnswersItsStatusAndMessageAsJson() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.MESSAGE, request -> {
            throw HttpError.badRequest("text is required");
        });
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(response.getBody()).isEqualTo("{\"message\":\"text is required\"}");
    }

    @Test
    void libreTranslateRoutesWordErrorsAsLibreTranslateDoes() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.LIBRETRANSLATE, request -> {
            throw HttpError.badRequest("Invalid request: missing q parameter");
        });
        assertThat(response.getBody()).isEqualTo("{\"error\":\"Invalid request: missing q parameter\"}");
    }

    @Test
    void aWrongMethodIsA405ThatListsTheAllowedOnes() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.MESSAGE, request -> {
            throw request.methodNotAllowed("GET", "POST");
        });
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        assertThat(ProxyEvents.body(response).get("message").asText()).isEqualTo("Method GET is not allowed here; use GET, POST");
    }

    @Test
    void anUnsupportedLanguagePairFromTranslateIsTheClientsMistake() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.MESSAGE, request -> {
            throw UnsupportedLanguagePairException.builder().message("Unsupported language pair: en to xx.").build();
        });
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(context.log()).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsA500WithTheRequestIdAndNoStackTrace() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.MESSAGE, request -> {
            throw new IllegalStateException("the disk is on fire");
        });
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(ProxyEvents.body(response).get("message").asText()).isEqualTo("Internal error");
        assertThat(ProxyEvents.body(response).get("requestId").asText()).isEqualTo(RecordingContext.REQUEST_ID);
        assertThat(response.getBody()).doesNotContain("fire").doesNotContain("at dev.");
        assertThat(context.log()).singleElement().asString()
                .contains(RecordingContext.REQUEST_ID).contains("the disk is on fire").contains("at dev.lingogate");
    }

    @Test
    void missingCredentialsAreA500NotAnOutage() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.MESSAGE, request -> {
            throw SdkClientException.create("Unable to load credentials from any of the providers");
        });
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("credentials");
        assertThat(context.log()).singleElement().asString().contains("Unable to load credentials");
    }

    @Test
    void anUnexpectedFailureOnALibreTranslateRouteKeepsItsShape() {
        APIGatewayProxyResponseEvent response = serve(ErrorShape.LIBRETRANSLATE, request -> {
            throw new IllegalStateException("boom");
        });
        assertThat(ProxyEvents.body(response).get("error").asText()).isEqualTo("Internal error");
    }
}
