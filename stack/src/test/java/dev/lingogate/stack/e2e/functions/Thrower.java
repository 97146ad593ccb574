package dev.lingogate.stack.e2e.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A function with a bug: every invocation ends in an uncaught exception. */
public class Thrower implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        throw new IllegalStateException("secret internals that must not reach the client");
    }
}
