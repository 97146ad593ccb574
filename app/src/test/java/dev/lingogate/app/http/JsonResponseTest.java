package dev.lingogate.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonResponseTest {
    record Greeting(String text, int times) {
    }

    @Test
    void aRecordIsWrittenAsJsonWithItsFieldsInOrder() {
        APIGatewayProxyResponseEvent response = JsonResponse.of(201, new Greeting("안녕", 2), Map.of("ETag", "\"1\""));
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).isEqualTo("{\"text\":\"안녕\",\"times\":2}");
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("ETag", "\"1\"");
    }

    @Test
    void noContentHasNoBodyAndNoContentType() {
        APIGatewayProxyResponseEvent response = JsonResponse.noContent();
        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).doesNotContainKey("Content-Type");
    }
}
