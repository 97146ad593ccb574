package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/**
 * A TOKEN authorizer as API Gateway calls one: {@code allow:<user>} is let through as that user,
 * {@code deny:<user>} is refused by policy, and any other token is not a token at all, which an
 * authorizer says by failing with "Unauthorized".
 */
public class TokenAuthorizer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String token = String.valueOf(event.get("authorizationToken"));
        String[] parts = token.split(":", 2);
        if (parts.length != 2 || !(parts[0].equals("allow") || parts[0].equals("deny"))) {
            throw new IllegalStateException("Unauthorized");
        }
        String effect = parts[0].equals("allow") ? "Allow" : "Deny";
        return Map.of("principalId", parts[1],
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", effect, "Resource", event.get("methodArn")))),
                "context", Map.of("plan", "gold"));
    }
}
