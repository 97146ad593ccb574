package dev.lingogate.app.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import dev.lingogate.app.testing.UnreachableServices;
import org.junit.jupiter.api.Test;

class DetectHandlerTest {
    private final DetectHandler handler = new DetectHandler(UnreachableServices.comprehend());

    @Test
    void getIsA405ListingPost() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                ProxyEvents.load("post-detect").withHttpMethod("GET"), new RecordingContext());
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "POST");
    }

    @Test
    void aMissingQIsRejectedInLibreTranslatesShape() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                ProxyEvents.load("post-detect").withBody("{}"), new RecordingContext());
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"q is required\"}");
    }

    @Test
    void qThatIsNotTextIsRejected() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                ProxyEvents.load("post-detect").withBody("{\"q\": [\"a\"]}"), new RecordingContext());
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).isEqualTo("{\"error\":\"q must be a string\"}");
    }
}
