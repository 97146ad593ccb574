package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Ends its JVM while the runtime constructs it, without reporting anything. */
public class ExitsDuringInit implements RequestHandler<Map<String, Object>, String> {

    public ExitsDuringInit() {
        System.exit(2);
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "unreachable";
    }
}
