package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Prints the event's {@code line} to stdout and its {@code errorLine} to stderr. */
public class Printer implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        System.out.println(event.get("line"));
        System.err.println(event.get("errorLine"));
        return "printed";
    }
}
