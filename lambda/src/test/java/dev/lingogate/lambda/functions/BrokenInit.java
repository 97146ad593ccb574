package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Fails while the runtime constructs it, before any event. */
public class BrokenInit implements RequestHandler<Map<String, Object>, String> {

    public BrokenInit() {
        throw new IllegalStateException("no dictionary configured");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "unreachable";
    }
}
