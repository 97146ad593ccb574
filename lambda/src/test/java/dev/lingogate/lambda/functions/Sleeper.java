package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps as long as the event's {@code sleepMillis} says, then answers its PID. */
public class Sleeper implements RequestHandler<Map<String, Object>, Long> {

    @Override
    public Long handleRequest(Map<String, Object> event, Context context) {
        try {
            Thread.sleep(((Number) event.getOrDefault("sleepMillis", 0)).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ProcessHandle.current().pid();
    }
}
