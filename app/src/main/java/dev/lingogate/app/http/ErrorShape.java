package dev.lingogate.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a family of routes words its errors: Lingogate's own routes answer {"message": ...},
 * the LibreTranslate-compatible routes answer {"error": ...} because that is what
 * LibreTranslate clients read.
 */
public enum ErrorShape {
    MESSAGE("message"),
    LIBRETRANSLATE("error");

    private final String key;

    ErrorShape(String key) {
        this.key = key;
    }

    APIGatewayProxyResponseEvent response(HttpError error) {
        return JsonResponse.of(error.status(), Map.of(key, error.getMessage()), error.headers());
    }

    APIGatewayProxyResponseEvent internalError(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, "Internal error");
        body.put("requestId", requestId);
        return JsonResponse.of(500, body);
    }
}
