package dev.lingogate.lambda.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.lambda.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Lambda's error document, {@code {"errorMessage", "errorType", "stackTrace"}}: what a runtime
 * posts when a handler fails and what the caller of Invoke receives.
 */
final class ErrorDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorDocument() {}

    /** The failure a runtime reported, typed from its document, else from its error-type header. */
    static Invocation.Failed reported(String errorTypeHeader, byte[] body) {
        String fallbackType = errorTypeHeader == null || errorTypeHeader.isBlank() ? "Unhandled" : errorTypeHeader;
        try {
            JsonNode document = JSON.readTree(body);
            if (document != null && document.isObject()) {
                return new Invocation.Failed(document.path("errorType").asText(fallbackType),
                        document.path("errorMessage").asText(""), body);
            }
        } catch (IOException e) {
            // Not a JSON document: the caller still gets one, built from what is known.
        }
        return of(fallbackType, new String(body, StandardCharsets.UTF_8));
    }

    /** A failure the host itself observed, such as the runtime exiting. */
    static Invocation.Failed of(String errorType, String errorMessage) {
        ObjectNode document = JSON.createObjectNode().put("errorType", errorType).put("errorMessage", errorMessage);
        return new Invocation.Failed(errorType, errorMessage, document.toString().getBytes(StandardCharsets.UTF_8));
    }
}
