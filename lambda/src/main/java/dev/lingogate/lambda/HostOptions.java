package dev.lingogate.lambda;

import dev.lingogate.lambda.log.LogRotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the function host runs its environments.
 *
 * @param dataDir                    logs go under {@code dataDir/logs}
 * @param edgeEndpoint               the AWS edge, handed to functions as {@code AWS_ENDPOINT_URL}
 * @param maxEnvironmentsPerFunction the most environments (JVMs) a function without reserved
 *                                   concurrency has at once: a bound Lambda does not have, for a
 *                                   machine that cannot run a thousand JVMs; past it an invocation
 *                                   waits {@code throttleWait} for one to come free
 * @param javaExecutable             the {@code java} that runs function JVMs
 * @param runtimeClientClasspath     a directory of the jars a function JVM needs besides its own code:
 *                                   the Lambda runtime interface client and its dependencies (the
 *                                   lambda module's build copies them to {@code target/runtime-client})
 * @param throttleWait               how long an invocation waits for a busy function's environment
 *                                   before it is throttled
 * @param eventRetryDelays           the waits before each retry of an {@code Event} invocation whose
 *                                   function failed; Lambda's are a minute, then two
 * @param concurrencyLimit           the account's concurrency: invocations in progress at once over
 *                                   all functions, reserved concurrency included; Lambda's default is 1000
 * @param idleTimeout                how long an environment may sit idle before its JVM is stopped
 * @param logRotation                when each function's log file under {@code dataDir/logs} is rotated
 * @param coldStartsAtOnce           how many environments of one function may initialise at once; an
 *                                   invocation past it waits for the first one ready rather than start
 *                                   another JVM beside them
 */
public record HostOptions(Path dataDir, String edgeEndpoint, String region, int maxEnvironmentsPerFunction,
        Path javaExecutable, Path runtimeClientClasspath, Duration throttleWait, List<Duration> eventRetryDelays,
        int concurrencyLimit, Duration idleTimeout, LogRotation logRotation, int coldStartsAtOnce) {

    /** Lambda retries a failed asynchronous invocation twice, after one minute and after two more. */
    public static final List<Duration> LAMBDA_EVENT_RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
    /** Lambda's default concurrency limit of an account in a region. */
    public static final int LAMBDA_CONCURRENCY_LIMIT = 1000;
    /** Lambda keeps an idle environment for minutes, without saying how many; ten here. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /**
     * One JVM of a function starting at a time: a second one starting beside it on a 2-core machine
     * slows both, and sixteen together each took longer than Lambda's 10 s init limit.
     */
    public static final int DEFAULT_COLD_STARTS_AT_ONCE = 1;

    public HostOptions {
        if (maxEnvironmentsPerFunction < 1) {
            throw new IllegalArgumentException("maxEnvironmentsPerFunction must be at least 1, was " + maxEnvironmentsPerFunction);
        }
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException("concurrencyLimit must be at least 1, was " + concurrencyLimit);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
        }
        if (coldStartsAtOnce < 1) {
            throw new IllegalArgumentException("coldStartsAtOnce must be at least 1, was " + coldStartsAtOnce);
        }
        eventRetryDelays = List.copyOf(eventRetryDelays);
    }

    /**
     * With Lambda's retries of failed events, Lambda's concurrency limit, environments kept ten idle
     * minutes, logs rotated at 10 MB, five old files kept, and one environment of a function starting
     * at a time.
     */
    public HostOptions(Path dataDir, String edgeEndpoint, String region, int maxEnvironmentsPerFunction,
            Path javaExecutable, Path runtimeClientClasspath, Duration throttleWait) {
        this(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable, runtimeClientClasspath, throttleWait,
                LAMBDA_EVENT_RETRY_DELAYS, LAMBDA_CONCURRENCY_LIMIT, DEFAULT_IDLE_TIMEOUT, LogRotation.DEFAULT,
                DEFAULT_COLD_STARTS_AT_ONCE);
    }

    /** Region us-east-1, 4 environments per function, this JVM's {@code java}, a 1 s wait before throttling. */
    public static HostOptions defaults(Path dataDir, String edgeEndpoint, Path runtimeClientClasspath) {
        return new HostOptions(dataDir, edgeEndpoint, "us-east-1", 4,
                Path.of(System.getProperty("java.home"), "bin", "java"), runtimeClientClasspath, Duration.ofSeconds(1));
    }

    public HostOptions withEventRetryDelays(List<Duration> delays) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, delays, concurrencyLimit, idleTimeout, logRotation, coldStartsAtOnce);
    }

    public HostOptions withConcurrencyLimit(int limit) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, eventRetryDelays, limit, idleTimeout, logRotation, coldStartsAtOnce);
    }

    public HostOptions withIdleTimeout(Duration timeout) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, eventRetryDelays, concurrencyLimit, timeout, logRotation, coldStartsAtOnce);
    }

    public HostOptions withLogRotation(LogRotation rotation) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, eventRetryDelays, concurrencyLimit, idleTimeout, rotation, coldStartsAtOnce);
    }

    public HostOptions withColdStartsAtOnce(int starts) {
        return new HostOptions(dataDir, edgeEndpoint, region, maxEnvironmentsPerFunction, javaExecutable,
                runtimeClientClasspath, throttleWait, eventRetryDelays, concurrencyLimit, idleTimeout, logRotation, starts);
    }
}
