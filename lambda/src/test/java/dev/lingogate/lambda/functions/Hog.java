package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Allocates as many megabytes as the event's {@code megabytes} says, or without end if it says
 * nothing, and answers its PID: without end, its heap (sized from the function's MemorySize) runs out.
 */
public class Hog implements RequestHandler<Map<String, Object>, Long> {

    @Override
    public Long handleRequest(Map<String, Object> event, Context context) {
        long megabytes = ((Number) event.getOrDefault("megabytes", Long.MAX_VALUE)).longValue();
        List<byte[]> held = new ArrayList<>();
        for (long i = 0; i < megabytes; i++) {
            held.add(new byte[1024 * 1024]);
        }
        return ProcessHandle.current().pid() + held.size() * 0L;
    }
}
