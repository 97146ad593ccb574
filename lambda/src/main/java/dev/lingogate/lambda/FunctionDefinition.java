package dev.lingogate.lambda;

import dev.lingogate.iam.AccessKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One function as the template declares it.
 *
 * @param handler       {@code pkg.Class::method}, or {@code pkg.Class} for a handler interface
 * @param runtime       e.g. {@code java17}
 * @param codeClasspath the function's jar(s) or class directories
 * @param environment   the template's {@code Environment.Variables}
 * @param credentials   the key pair of the function's role, handed to the function as AWS does
 * @param reservedConcurrency the template's {@code ReservedConcurrentExecutions}: at most this many
 *                      invocations at once, set apart from the host's limit; null for none (the
 *                      function then shares what no function reserved); 0 throttles every invocation
 * @param provisionedConcurrency the {@code ProvisionedConcurrentExecutions} of the template's
 *                      {@code ProvisionedConcurrencyConfig}: this many environments started ahead
 *                      (by {@link FunctionHost#prewarm}), never reaped, replaced when they die; null for none
 */
public record FunctionDefinition(String name, String handler, String runtime, List<Path> codeClasspath,
        int memoryMb, int timeoutSeconds, Map<String, String> environment, AccessKey credentials, String roleArn,
        Integer reservedConcurrency, Integer provisionedConcurrency) {

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(credentials, "credentials");
        codeClasspath = List.copyOf(codeClasspath);
        if (codeClasspath.isEmpty()) {
            throw new IllegalArgumentException("function " + name + " has no code: its classpath is empty");
        }
        environment = Map.copyOf(environment);
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("MemorySize of " + name + " must be between 128 and 10240 MB, was " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("Timeout of " + name + " must be between 1 and 900 seconds, was " + timeoutSeconds);
        }
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("ReservedConcurrentExecutions of " + name + " must be at least 0, was " + reservedConcurrency);
        }
        if (provisionedConcurrency != null && provisionedConcurrency < 1) {
            throw new IllegalArgumentException("ProvisionedConcurrentExecutions of " + name + " must be at least 1, was " + provisionedConcurrency);
        }
        if (provisionedConcurrency != null && reservedConcurrency != null && provisionedConcurrency > reservedConcurrency) {
            // Lambda refuses it too: provisioned environments are part of the function's reservation.
            throw new IllegalArgumentException("ProvisionedConcurrentExecutions of " + name + " (" + provisionedConcurrency
                    + ") should not be greater than its ReservedConcurrentExecutions (" + reservedConcurrency + ")");
        }
    }

    /** A function without reserved concurrency. */
    public FunctionDefinition(String name, String handler, String runtime, List<Path> codeClasspath,
            int memoryMb, int timeoutSeconds, Map<String, String> environment, AccessKey credentials, String roleArn) {
        this(name, handler, runtime, codeClasspath, memoryMb, timeoutSeconds, environment, credentials, roleArn, null, null);
    }

    /** This function with {@code ReservedConcurrentExecutions} set to {@code reserved} (null: none). */
    public FunctionDefinition withReservedConcurrency(Integer reserved) {
        return new FunctionDefinition(name, handler, runtime, codeClasspath, memoryMb, timeoutSeconds, environment,
                credentials, roleArn, reserved, provisionedConcurrency);
    }

    /** This function with {@code ProvisionedConcurrentExecutions} set to {@code provisioned} (null: none). */
    public FunctionDefinition withProvisionedConcurrency(Integer provisioned) {
        return new FunctionDefinition(name, handler, runtime, codeClasspath, memoryMb, timeoutSeconds, environment,
                credentials, roleArn, reservedConcurrency, provisioned);
    }

    /** How many environments are kept provisioned: 0 for none. */
    public int provisionedEnvironments() {
        return provisionedConcurrency == null ? 0 : provisionedConcurrency;
    }

    /** The function's ARN, as Lambda names it in errors and in the Runtime API's headers. */
    public String arn(String region) {
        return "arn:aws:lambda:" + region + ":000000000000:function:" + name;
    }
}
