package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.TreeMap;

/** Answers what its context says, and writes a line through the context's logger. */
public class ContextReader implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        context.getLogger().log("logged through the context for " + context.getAwsRequestId());
        Map<String, Object> answer = new TreeMap<>();
        answer.put("awsRequestId", context.getAwsRequestId());
        answer.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        answer.put("functionName", context.getFunctionName());
        answer.put("functionVersion", context.getFunctionVersion());
        answer.put("invokedFunctionArn", context.getInvokedFunctionArn());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("logGroupName", context.getLogGroupName());
        return answer;
    }
}
