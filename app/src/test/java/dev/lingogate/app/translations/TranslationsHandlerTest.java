package dev.lingogate.app.translations;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import dev.lingogate.app.testing.UnreachableServices;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history function on events as API Gateway sends them. Its AWS clients point where nothing
 * listens: every refusal below must happen before any call, or the answer would be a 500.
 */
class TranslationsHandlerTest {
    private final RecordingContext context = new RecordingContext();
    private final TranslationsHandler handler = new TranslationsHandler(
            UnreachableServices.dynamoDb(), UnreachableServices.translate(), "translations", Clock.systemUTC());

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, context);
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return handle(ProxyEvents.load("post-translations").withBody(body));
    }

    private static String message(APIGatewayProxyResponseEvent response) {
        return ProxyEvents.body(response).get("message").asText();
    }

    private static Map<String, String> headers(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        return headers;
    }

    @Test
    void textThatIsANumberIsRejected() {
        APIGatewayProxyResponseEvent response = post("{\"text\": 42, \"target\": \"es\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("text must be a string");
    }

    @Test
    void missingTextIsRejected() {
        APIGatewayProxyResponseEvent response = post("{\"target\": \"es\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("text is required");
    }

    @Test
    void missingTargetIsRejected() {
        assertThat(message(post("{\"text\": \"Hello\"}"))).isEqualTo("target is required");
    }

    @Test
    void autoIsNoTarget() {
        APIGatewayProxyResponseEvent response = post("{\"text\": \"Hello\", \"target\": \"auto\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("target must name a language");
    }

    @Test
    void aSourceThatIsNoLanguageCodeIsRejected() {
        APIGatewayProxyResponseEvent response = post("{\"text\": \"Hello\", \"source\": \"English!\", \"target\": \"es\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("source must be a language code");
    }

    @Test
    void textOverTenThousandBytesIsRejectedBeforeTranslating() {
        String korean = "가".repeat(3_334); // 3 bytes each in UTF-8: 10,002 bytes in only 3,334 characters
        APIGatewayProxyResponseEvent response = post("{\"text\": \"" + korean + "\", \"target\": \"en\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("text is 10002 bytes of UTF-8; at most 10000 bytes can be translated at once");
    }

    @Test
    void malformedJsonIsRejected() {
        APIGatewayProxyResponseEvent response = post("{\"text\": \"Hello\", ");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("Malformed JSON body: ");
    }

    @Test
    void aFormPostIsRefusedWith415() {
        APIGatewayProxyRequestEvent event = ProxyEvents.load("post-translations");
        event.setHeaders(headers(event, "Content-Type", "application/x-www-form-urlencoded"));
        event.setMultiValueHeaders(null);
        APIGatewayProxyResponseEvent response = handle(event.withBody("text=Hello&target=es"));
        assertThat(response.getStatusCode()).isEqualTo(415);
    }

    @Test
    void patchOnTheCollectionIsA405ListingGetAndPost() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("list-translations").withHttpMethod("PATCH"));
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
    }

    @Test
    void postOnAnEntryIsA405ListingGetPutAndDelete() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("get-translation").withHttpMethod("POST"));
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, PUT, DELETE");
    }

    @Test
    void anIdThatCannotExistIsNotFound() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("get-translation")
                .withPathParameters(Map.of("id", "nope")));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(message(response)).isEqualTo("Translation nope not found");
    }

    @Test
    void aCorrectionWithoutIfMatchIsRefusedWith428() {
        APIGatewayProxyRequestEvent event = ProxyEvents.load("put-translation");
        event.getHeaders().remove("If-Match");
        event.setMultiValueHeaders(null);
        APIGatewayProxyResponseEvent response = handle(event);
        assertThat(response.getStatusCode()).isEqualTo(428);
        assertThat(message(response)).contains("If-Match");
    }

    @Test
    void aCorrectionWithAGarbledIfMatchIsA400() {
        APIGatewayProxyRequestEvent event = ProxyEvents.load("put-translation");
        event.setHeaders(headers(event, "If-Match", "yesterday"));
        event.setMultiValueHeaders(null);
        assertThat(handle(event).getStatusCode()).isEqualTo(400);
    }

    @Test
    void aCorrectionWithoutTranslatedTextIsRejected() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("put-translation").withBody("{\"text\": \"Hi\"}"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("translatedText is required");
    }

    @Test
    void aLimitOutOfRangeIsRejectedNamingLimit() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("list-translations")
                .withQueryStringParameters(Map.of("limit", "500")));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("limit ");
    }

    @Test
    void aTamperedCursorIsRejectedNamingCursor() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("list-translations")
                .withQueryStringParameters(Map.of("cursor", "AAAA")));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).startsWith("cursor is not valid");
    }

    @Test
    void whenTheTableCannotBeReachedTheAnswerIsA503WorthRetrying() {
        APIGatewayProxyResponseEvent response = handle(ProxyEvents.load("list-translations"));
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(message(response)).contains("try again");
        assertThat(response.getBody()).doesNotContain("Exception");
        assertThat(context.log()).singleElement().asString().contains("SdkClientException").contains("Connection refused");
    }

    @Test
    void aFormatOtherThanTextOrHtmlIsRejectedNamingTheField() {
        APIGatewayProxyResponseEvent response = post("{\"text\": \"Hello\", \"target\": \"es\", \"format\": \"xml\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("format must be \"text\" or \"html\"");
    }

    @Test
    void aMarkUnknownThatIsNoBooleanIsRejectedNamingTheField() {
        APIGatewayProxyResponseEvent response = post("{\"text\": \"Hello\", \"target\": \"es\", \"markUnknown\": \"yes\"}");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(message(response)).isEqualTo("markUnknown must be true or false");
    }
}
