package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Answers 200 with the path it was called on: the smallest function a route can have. */
public class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"path\":\"" + event.get("path") + "\"}");
    }
}
