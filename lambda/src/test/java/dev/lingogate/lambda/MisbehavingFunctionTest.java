package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.invoke;
import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that run out of memory or abuse the Runtime API, each beside a well-behaved neighbour:
 * the caller always gets a defined end, and the neighbour's environment never notices.
 */
class MisbehavingFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;

    @TempDir
    Path dataDir;
    private FunctionHost host;
    private String neighbourPid;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @BeforeEach
    void startHostWithAWarmNeighbour() throws Exception {
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 2));
        host.register(function("neighbour", "Sleeper"));
        host.register(function("vandal", "RuntimeApiVandal", 1, Map.of()));
        FunctionDefinition hog = function("hog", "Hog");
        host.register(new FunctionDefinition("hog", hog.handler(), "java17", hog.codeClasspath(), 128, 10, Map.of(),
                TestFunctions.ROLE_KEY, hog.roleArn()));
        neighbourPid = pidOf(invoke(host, "neighbour", "{}"));
    }

    @AfterEach
    void neighbourStillAnswersFromItsOwnEnvironmentAndHostCloses() throws Exception {
        try {
            assertThat(pidOf(invoke(host, "neighbour", "{}"))).isEqualTo(neighbourPid);
        } finally {
            host.close();
        }
    }

    private static String pidOf(Invocation invocation) {
        return text(((Invocation.Returned) invocation).payload());
    }

    @Test
    void functionAllocatingPastItsMemoryFailsWithOutOfMemoryErrorAndTheNextInvocationGetsAFreshEnvironment() throws Exception {
        String firstPid = pidOf(invoke(host, "hog", "{\"megabytes\": 1}"));

        Invocation.Failed failed = (Invocation.Failed) invoke(host, "hog", "{}");

        // What Lambda's Java runtime reports: the error as thrown, then the runtime ends its JVM.
        assertThat(failed.errorType()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(failed.errorMessage()).isEqualTo("Java heap space");
        assertThat(JSON.readTree(failed.errorPayload()).path("errorType").asText()).isEqualTo("java.lang.OutOfMemoryError");
        String nextPid = pidOf(invoke(host, "hog", "{\"megabytes\": 1}"));
        assertThat(nextPid).isNotEqualTo(firstPid);
    }

    @Test
    void runtimeWritingGarbageToTheRuntimeApiEndsAtTheTimeout() throws Exception {
        Invocation result = invoke(host, "vandal", "{\"answer\": \"garbage\"}");

        assertThat(result).isEqualTo(new Invocation.TimedOut("Task timed out after 1.00 seconds"));
    }

    @Test
    void runtimePostingATruncatedResponseEndsAtTheTimeout() throws Exception {
        Invocation result = invoke(host, "vandal", "{\"answer\": \"truncated\"}");

        assertThat(result).isEqualTo(new Invocation.TimedOut("Task timed out after 1.00 seconds"));
    }

    @Test
    void runtimeThatAnswersButNeverAsksForTheNextEventTimesOutTheNextInvocation() throws Exception {
        Invocation answered = invoke(host, "vandal", "{\"answer\": \"answered\"}");
        assertThat(text(((Invocation.Returned) answered).payload())).isEqualTo("\"answered by hand\"");

        Invocation next = invoke(host, "vandal", "{\"answer\": \"answered\"}");

        assertThat(next).isEqualTo(new Invocation.TimedOut("Task timed out after 1.00 seconds"));
        assertThat(Files.readAllLines(dataDir.resolve("logs/vandal.log")))
                .filteredOn(line -> line.startsWith("START ") || line.startsWith("END ")).hasSize(4);
    }
}
