package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A function whose runtime dies in the middle of an invocation. */
public class Exiter implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        System.exit(3);
        return Map.of();
    }
}
