package dev.lingogate.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the function host runs its environments.
 *
 * @param dataDir                    logs go under {@code dataDir/logs}
 * @param edgeEndpoint               the AWS edge, handed to functions as {@code AWS_ENDPOINT_URL}
 * @param maxEnvironmentsPerFunction the concurrency limit of each function
 * @param javaExecutable             the {@code java} that runs function JVMs
 * @param runtimeClientClasspath     a directory of the jars a function JVM needs besides its own code:
 *                                   the Lambda runtime interface client and its dependencies (the
 *                                   lambda module's build copies them to {@code target/runtime-client})
 * @param throttleWait               how long an invocation waits for a busy function's environment
 *                                   before it is throttled
 * @param eventRetryDelays           the waits before each retry of an {@code Event} invocation whose
 *                                   function failed; Lambda's are a minute, then two
 */
public record HostOptions(Path dataDir, String edgeEndpoint, String region, int maxEnvironmentsPerFunction,
        Path javaExecutable, Path runtimeClientClasspath, Duration throttleWait, List<Duration> eventRetryDelays) {

    /** Lambda retries a failed asynchronous invocation twice, after one minute and after two more. */
    public static final List<Duration> LAMBDA_EVENT_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));

    public HostOptions {
        if (maxEnvironmentsPerFunction < 1) {
            throw new IllegalArgumentException("maxEnvironmentsPerFunction must be at least 1, was " + maxEnvironmentsPerFunction);
        }
        eventRetryDelays = List.copyOf(eventRetryDelays);
    }

    /** With Lambda's retries of failed events. */
    public HostOptions(Path dataDir, String edgeEndpoint, String region, int maxEnvironmentsPerFunction,
            Path javaExecutable, Path runtimeClientClasspath, Duration throttleWait) {
        this(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable, runtimeClientClasspath, throttleWait,
                LAMBDA_EVENT_RETRY_DELAYS);
    }

    /** Region us-east-1, 4 environments per function, this JVM's {@code java}, a 1 s wait before throttling. */
    public static HostOptions defaults(Path dataDir, String edgeEndpoint, Path runtimeClientClasspath) {
        return new HostOptions(dataDir, edgeEndpoint, "us-east-1", 4,
                Path.of(System.getProperty("java.home"), "bin", "java"), runtimeClientClasspath, Duration.ofSeconds(1));
    }

    public HostOptions withEventRetryDelays(List<Duration> delays) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, delays);
    }
}
