package dev.lingogate.app.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import dev.lingogate.app.testing.UnreachableServices;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LibreTranslate's /translate on real events; the engines are unreachable, so refusals must come first. */
class TranslateHandlerTest {
    private final RecordingContext context = new RecordingContext();
    private final TranslateHandler handler = new TranslateHandler(UnreachableServices.translate(), UnreachableServices.comprehend());

    private static String error(APIGatewayProxyResponseEvent response) {
        return ProxyEvents.body(response).get("error").asText();
    }

    @Test
    void deleteIsA405ListingGetAndPost() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("post-translate").withHttpMethod("DELETE"), context);
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        assertThat(error(response)).startsWith("Method DELETE is not allowed");
    }

    @Test
    void anArrayWithATooLongTextIsRejectedBeforeAnythingIsTranslated() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("post-translate")
                .withBody("{\"q\":[\"short\",\"" + "a".repeat(10_001) + "\"],\"source\":\"en\",\"target\":\"es\"}"), context);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(error(response)).startsWith("q is 10001 bytes");
    }

    @Test
    void aGetWithoutTargetIsRejectedInLibreTranslatesShape() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("get-translate")
                .withQueryStringParameters(Map.of("q", "Hello")), context);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"Invalid request: missing target parameter\"}");
    }

    @Test
    void whenTheEngineCannotBeReachedTheAnswerIsA503InLibreTranslatesShape() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("get-translate"), context);
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(error(response)).contains("try again");
        assertThat(context.log()).hasSize(1);
    }

    @Test
    void aMarkUnknownThatIsNoBooleanIsRejectedInLibreTranslatesShape() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("post-translate")
                .withBody("{\"q\":\"Hello\",\"source\":\"en\",\"target\":\"es\",\"markUnknown\":1}"), context);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"markUnknown must be true or false\"}");
    }

    @Test
    void aGetWithAnUnknownFormatIsRejectedInLibreTranslatesShape() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ProxyEvents.load("get-translate")
                .withQueryStringParameters(Map.of("q", "Hello", "target", "es", "format", "pdf")), context);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("format must be \"text\" or \"html\"");
    }
}
