package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.TreeMap;

/** Tells which JVM it runs in and what it was told: its environment variables and its context. */
public class WhoAmI implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> answer = new TreeMap<>();
        answer.put("pid", ProcessHandle.current().pid());
        answer.put("environment", new TreeMap<>(System.getenv()));
        answer.put("functionName", context.getFunctionName());
        answer.put("invokedFunctionArn", context.getInvokedFunctionArn());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        return answer;
    }
}
