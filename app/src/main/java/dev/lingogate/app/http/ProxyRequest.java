package dev.lingogate.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler needs from an API Gateway proxy event (payload 1.0), read the way HTTP means it:
 * header names without case, the body as JSON only when it is JSON.
 */
public final class ProxyRequest {
    private final APIGatewayProxyRequestEvent event;

    public ProxyRequest(APIGatewayProxyRequestEvent event) {
        this.event = event;
    }

    public String method() {
        return event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
    }

    public Optional<String> header(String name) {
        Optional<String> single = ignoringCase(event.getHeaders(), name);
        if (single.isPresent()) {
            return single;
        }
        return ignoringCase(event.getMultiValueHeaders(), name).flatMap(values -> values.stream().findFirst());
    }

    public Optional<String> query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return Optional.ofNullable(query == null ? null : query.get(name));
    }

    public Optional<String> pathParameter(String name) {
        Map<String, String> path = event.getPathParameters();
        return Optional.ofNullable(path == null ? null : path.get(name));
    }

    /** The body as a JSON object, or a 415/400 that says what is wrong with it. */
    public JsonBody jsonObject() {
        JsonNode body = json();
        if (!(body instanceof ObjectNode object)) {
            throw HttpError.badRequest("Request body must be a JSON object");
        }
        return new JsonBody(object);
    }

    private JsonNode json() {
        header("Content-Type").filter(type -> !isJson(type)).ifPresent(type -> {
            throw HttpError.unsupportedMediaType(type);
        });
        String text = bodyText();
        if (text.isBlank()) {
            throw HttpError.badRequest("Request body is required: a JSON object");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("Malformed JSON body: " + e.getOriginalMessage());
        }
    }

    private String bodyText() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("Request body is marked base64 but is not valid base64");
            }
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static <V> Optional<V> ignoringCase(Map<String, V> map, String name) {
        if (map == null) {
            return Optional.empty();
        }
        return map.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** For handlers that answer on behalf of a method list (405 with Allow). */
    public HttpError methodNotAllowed(String... allowed) {
        return HttpError.methodNotAllowed(method(), List.of(allowed));
    }
}
