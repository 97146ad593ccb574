package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Answers with who the gateway says is calling and the stage's {@code greeting} variable, as its event carries them. */
public class Caller implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> requestContext = (Map<String, Object>) event.get("requestContext");
        Map<String, Object> authorizer = (Map<String, Object>) requestContext.get("authorizer");
        Map<String, Object> stageVariables = (Map<String, Object>) event.get("stageVariables");
        String principal = authorizer == null ? null : String.valueOf(authorizer.get("principalId"));
        String plan = authorizer == null ? null : String.valueOf(authorizer.get("plan"));
        String greeting = stageVariables == null ? null : String.valueOf(stageVariables.get("greeting"));
        return Map.of("statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"principalId\":\"" + principal + "\",\"plan\":\"" + plan + "\",\"greeting\":\"" + greeting
                        + "\"}");
    }
}
