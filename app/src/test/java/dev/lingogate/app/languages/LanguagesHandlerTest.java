package dev.lingogate.app.languages;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.lingogate.app.testing.ProxyEvents;
import dev.lingogate.app.testing.RecordingContext;
import dev.lingogate.app.testing.UnreachableServices;
import org.junit.jupiter.api.Test;

class LanguagesHandlerTest {
    private final LanguagesHandler handler = new LanguagesHandler(UnreachableServices.translate());

    @Test
    void postIsA405ListingGet() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(
                ProxyEvents.load("get-languages").withHttpMethod("POST"), new RecordingContext());
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET");
        assertThat(ProxyEvents.body(response).has("error")).isTrue();
    }
}
