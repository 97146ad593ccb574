package dev.lingogate.app.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * API Gateway proxy events (payload 1.0) read from JSON files under src/test/resources/events,
 * shaped like the ones API Gateway sends, and JSON bodies of answers read back.
 */
public final class ProxyEvents {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ProxyEvents() {
    }

    public static APIGatewayProxyRequestEvent load(String name) {
        try (InputStream in = ProxyEvents.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No event file events/" + name + ".json");
            }
            return JSON.readValue(in, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode body(APIGatewayProxyResponseEvent response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
