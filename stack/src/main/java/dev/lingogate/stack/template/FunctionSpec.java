package dev.lingogate.stack.template;

import dev.lingogate.iam.policy.Statement;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} of the template, with Globals merged and intrinsics resolved.
 *
 * @param codeUri             the CodeUri as written, relative to the template's folder
 * @param reservedConcurrency ReservedConcurrentExecutions, or null when the function has none
 * @param provisionedConcurrency ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions, or null for none
 */
public record FunctionSpec(String logicalId, String functionName, String handler, String runtime, String codeUri,
        int memoryMb, int timeoutSeconds, Integer reservedConcurrency, Integer provisionedConcurrency, Map<String, String> environment,
        List<Statement> policy, List<RouteSpec> routes) {
}
