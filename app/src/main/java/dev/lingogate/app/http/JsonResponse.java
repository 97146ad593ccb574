package dev.lingogate.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the Lambda-proxy answers: a status, headers, and a UTF-8 JSON body. */
public final class JsonResponse {
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private JsonResponse() {
    }

    public static APIGatewayProxyResponseEvent of(int status, Object body) {
        return of(status, body, Map.of());
    }

    public static APIGatewayProxyResponseEvent of(int status, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", CONTENT_TYPE);
        all.putAll(headers);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(write(body));
    }

    /** 204: no body, hence no Content-Type either. */
    public static APIGatewayProxyResponseEvent noContent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(new LinkedHashMap<>());
    }

    private static String write(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Response body cannot be written as JSON", e);
        }
    }
}
