package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.invoke;
import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import dev.lingogate.lambda.log.LogRotation;
import dev.lingogate.lambda.log.LogTail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions run in real child JVMs through the official runtime interface client. */
class FunctionHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;

    @TempDir
    Path dataDir;
    private FunctionHost host;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    @AfterEach
    void killEnvironments() {
        if (host != null) {
            host.close();
        }
    }

    private FunctionHost host(int maxEnvironmentsPerFunction, FunctionDefinition... functions) {
        return host(TestFunctions.options(dataDir, maxEnvironmentsPerFunction), functions);
    }

    private FunctionHost host(HostOptions options, FunctionDefinition... functions) {
        host = new FunctionHost(vertx, options);
        for (FunctionDefinition function : functions) {
            host.register(function);
        }
        return host;
    }

    @Test
    void echoAnswersTheEventItWasGiven() throws Exception {
        host(4, function("echo", "Echo"));

        Invocation result = invoke(host, "echo", "{\"text\":\"Bonjour\"}");

        assertThat(result).isInstanceOf(Invocation.Returned.class);
        assertThat(text(((Invocation.Returned) result).payload())).isEqualTo("{\"text\":\"Bonjour\"}");
    }

    @Test
    void aFunctionJvmLeadsASessionOfItsOwnSoTheTerminalsCtrlCReachesOnlyTheHost() throws Exception {
        host(1, function("sleeper", "Sleeper"));

        long pid = Long.parseLong(text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload()));

        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertThat(Long.parseLong(fields[3])).as("its session").isEqualTo(pid);
        assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                .as("its parent: the host itself, setsid having become the JVM").contains(ProcessHandle.current().pid());
    }

    @Test
    void environmentsStartingAtTheSameMomentAllInitialise() throws Exception {
        // Each runtime client JVM loads the client's native library; started together they used to
        // overwrite one shared copy in /tmp and die with SIGBUS.
        host(4, function("a", "Echo"), function("b", "Echo"), function("c", "Echo"), function("d", "Echo"),
                function("e", "Echo"), function("f", "Echo"));

        List<CompletionStage<Void>> warming = List.of("a", "b", "c", "d", "e", "f").stream().map(host::prewarm).toList();

        for (CompletionStage<Void> stage : warming) {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void secondInvocationReusesTheWarmEnvironment() throws Exception {
        host(4, function("sleeper", "Sleeper"));

        String first = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());
        String second = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());

        assertThat(second).isEqualTo(first);
        assertThat(Long.parseLong(first)).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void functionSeesItsVariablesAndItsRoleCredentialsButNothingOfTheHost() throws Exception {
        host(4, function("whoami", "WhoAmI", 10, Map.of("TABLE_NAME", "Translations")));

        JsonNode answer = JSON.readTree(((Invocation.Returned) invoke(host, "whoami", "{}")).payload());

        JsonNode environment = answer.path("environment");
        assertThat(environment.path("TABLE_NAME").asText()).isEqualTo("Translations");
        assertThat(environment.path("AWS_ACCESS_KEY_ID").asText()).isEqualTo(TestFunctions.ROLE_KEY.id());
        assertThat(environment.path("AWS_SECRET_ACCESS_KEY").asText()).isEqualTo(TestFunctions.ROLE_KEY.secret());
        assertThat(environment.path("AWS_ENDPOINT_URL").asText()).isEqualTo(TestFunctions.EDGE);
        assertThat(environment.path("AWS_REGION").asText()).isEqualTo("us-east-1");
        assertThat(environment.path("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("whoami");
        assertThat(environment.path("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
        assertThat(environment.path("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
        assertThat(environment.path("_HANDLER").asText()).isEqualTo("dev.lingogate.lambda.functions.WhoAmI::handleRequest");
        List<String> names = JSON.convertValue(environment, Map.class).keySet().stream().map(Object::toString).toList();
        assertThat(names).allMatch(name -> name.startsWith("AWS_") || name.startsWith("LAMBDA_") || name.startsWith("_")
                || List.of("TABLE_NAME", "PATH", "HOME", "LANG", "TZ", "JAVA_HOME").contains(name), "only Lambda's variables");
        assertThat(answer.path("functionName").asText()).isEqualTo("whoami");
        assertThat(answer.path("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:whoami");
        assertThat(answer.path("memoryLimitInMB").asInt()).isEqualTo(256);
        assertThat(answer.path("remainingTimeInMillis").asLong()).isBetween(1L, 10_000L);
    }

    @Test
    void contextTellsTheFunctionItsRequestIdRemainingTimeNameAndMemoryAndItsLoggerWritesToTheLog() throws Exception {
        host(4, function("context", "ContextReader", 5, Map.of()));
        String requestId = "8f6d1c7e-3b1a-4c55-9e0b-2d4f7a9c1e23";
        LogTail tail = new LogTail();

        Invocation result = host.invoke("context", requestId, "{}".getBytes(), tail).toCompletableFuture().get(30, TimeUnit.SECONDS);

        JsonNode context = JSON.readTree(((Invocation.Returned) result).payload());
        assertThat(context.path("awsRequestId").asText()).isEqualTo(requestId);
        assertThat(context.path("remainingTimeInMillis").asLong()).isBetween(1L, 5_000L);
        assertThat(context.path("functionName").asText()).isEqualTo("context");
        assertThat(context.path("functionVersion").asText()).isEqualTo("$LATEST");
        assertThat(context.path("invokedFunctionArn").asText()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:context");
        assertThat(context.path("memoryLimitInMB").asInt()).isEqualTo(256);
        assertThat(context.path("logGroupName").asText()).isEqualTo("/aws/lambda/context");
        List<String> log = List.of(new String(tail.bytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(log.get(0)).isEqualTo("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(log.subList(1, log.size() - 2)).anyMatch(line -> line.contains("logged through the context for " + requestId));
        assertThat(log.get(log.size() - 2)).isEqualTo("END RequestId: " + requestId);
    }

    @Test
    void invocationWithoutARequestIdGetsAVersion4UuidAsLambdaGivesIt() throws Exception {
        host(4, function("context", "ContextReader", 5, Map.of()));

        JsonNode first = JSON.readTree(((Invocation.Returned) invoke(host, "context", "{}")).payload());
        JsonNode second = JSON.readTree(((Invocation.Returned) invoke(host, "context", "{}")).payload());

        assertThat(first.path("awsRequestId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first.path("awsRequestId").asText()).isNotEqualTo(second.path("awsRequestId").asText());
        assertThat(UUID.fromString(first.path("awsRequestId").asText()).version()).isEqualTo(4);
    }

    @Test
    void remainingTimeCountsDownFromTheFunctionsTimeout() throws Exception {
        host(4, function("context", "ContextReader", 3, Map.of()));

        JsonNode context = JSON.readTree(((Invocation.Returned) invoke(host, "context", "{}")).payload());

        assertThat(context.path("remainingTimeInMillis").asLong()).isGreaterThan(1_000L).isLessThanOrEqualTo(3_000L);
    }

    @Test
    void logFileRotatesUnderTheDataDirectory() throws Exception {
        host(TestFunctions.options(dataDir, 4).withLogRotation(new LogRotation(600, 2)), function("printer", "Printer"));

        for (int i = 0; i < 4; i++) {
            invoke(host, "printer", "{\"line\": \"" + "x".repeat(300) + "\"}");
        }

        Path logs = dataDir.resolve("logs");
        assertThat(logs.resolve("printer.log.1")).exists();
        assertThat(logs.resolve("printer.log.2")).exists();
        assertThat(logs.resolve("printer.log.3")).doesNotExist();
        assertThat(Files.size(logs.resolve("printer.log"))).isLessThanOrEqualTo(600);
        assertThat(Files.readAllLines(logs.resolve("printer.log"))).last().asString().startsWith("REPORT RequestId: ");
    }

    @Test
    void functionRunningPastItsTimeoutIsStoppedAndTheNextInvocationGetsAFreshEnvironment() throws Exception {
        host(4, function("sleeper", "Sleeper", 1, Map.of()));
        String firstPid = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());

        Invocation timedOut = invoke(host, "sleeper", "{\"sleepMillis\": 20000}");

        assertThat(timedOut).isEqualTo(new Invocation.TimedOut("Task timed out after 1.00 seconds"));
        assertThat(ProcessHandle.of(Long.parseLong(firstPid)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        String nextPid = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());
        assertThat(nextPid).isNotEqualTo(firstPid);
    }

    @Test
    void timeoutIsWrittenToTheLogAsLambdaWritesIt() throws Exception {
        host(4, function("sleeper", "Sleeper", 1, Map.of()));

        invoke(host, "sleeper", "{\"sleepMillis\": 20000}");

        List<String> log = Files.readAllLines(dataDir.resolve("logs/sleeper.log"));
        int end = indexOf(log, "END RequestId: ");
        assertThat(log.get(end - 1)).matches(".*Z [0-9a-f-]{36} Task timed out after 1.00 seconds");
        assertThat(log.get(end + 1)).startsWith("REPORT RequestId: ").endsWith("\tStatus: timeout");
    }

    @Test
    void uncaughtExceptionFailsTheInvocationWithItsType() throws Exception {
        host(4, function("thrower", "Thrower"));

        Invocation.Failed failed = (Invocation.Failed) invoke(host, "thrower", "{}");

        assertThat(failed.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.errorMessage()).isEqualTo("the translation table is missing");
        JsonNode document = JSON.readTree(failed.errorPayload());
        assertThat(document.path("errorMessage").asText()).isEqualTo("the translation table is missing");
        assertThat(document.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void functionExitingItsJvmFailsWithRuntimeExitError() throws Exception {
        host(4, function("exiter", "Exiter"));

        Invocation.Failed failed = (Invocation.Failed) invoke(host, "exiter", "{}");

        assertThat(failed.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(failed.errorMessage()).matches("RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 1");
        assertThat(Files.readAllLines(dataDir.resolve("logs/exiter.log")))
                .anyMatch(line -> line.startsWith("REPORT ") && line.endsWith("\tStatus: error\tError Type: Runtime.ExitError"));
    }

    @Test
    void handlerClassThatDoesNotExistFailsInitAtPrewarmAndAtInvoke() throws Exception {
        host(4, function("missing", "dev.lingogate.lambda.functions.DoesNotExist"));

        CompletionStage<Void> prewarm = host.prewarm("missing");

        assertThatThrownBy(() -> prewarm.toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(FunctionInitException.class)
                .hasMessage("java.lang.ClassNotFoundException: Class not found: dev.lingogate.lambda.functions.DoesNotExist");
        Invocation.Failed failed = (Invocation.Failed) invoke(host, "missing", "{}");
        assertThat(failed.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(failed.errorMessage()).isEqualTo("Class not found: dev.lingogate.lambda.functions.DoesNotExist");
        assertThat(JSON.readTree(failed.errorPayload()).path("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
    }

    @Test
    void handlerWhoseConstructionFailsFailsInitWithTheRuntimesReport() throws Exception {
        host(4, function("broken", "BrokenInit"));

        CompletionStage<Void> prewarm = host.prewarm("broken");

        assertThatThrownBy(() -> prewarm.toCompletableFuture().get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(FunctionInitException.class);
        Invocation.Failed failed = (Invocation.Failed) invoke(host, "broken", "{}");
        assertThat(failed.errorMessage()).contains("no dictionary configured");
    }

    @Test
    void runtimeExitingDuringInitFailsInitWithRuntimeExitError() throws Exception {
        host(4, function("quitter", "ExitsDuringInit"));

        CompletionStage<Void> prewarm = host.prewarm("quitter");

        assertThatThrownBy(() -> prewarm.toCompletableFuture().get(30, TimeUnit.SECONDS))
                .cause().isInstanceOf(FunctionInitException.class)
                .hasMessage("Runtime.ExitError: Error: Runtime exited with error: exit status 2");
        Invocation.Failed failed = (Invocation.Failed) invoke(host, "quitter", "{}");
        assertThat(failed.errorType()).isEqualTo("Runtime.ExitError");
    }

    @Test
    void linesTheFunctionPrintsAreInItsLogBetweenStartAndEnd() throws Exception {
        host(4, function("printer", "Printer"));

        invoke(host, "printer", "{\"line\": \"Bonjour from stdout\", \"errorLine\": \"Hola from stderr\"}");

        List<String> log = Files.readAllLines(dataDir.resolve("logs/printer.log"));
        int start = indexOf(log, "START RequestId: ");
        int end = indexOf(log, "END RequestId: ");
        assertThat(start).isNotNegative().isLessThan(end);
        assertThat(log.subList(start, end)).contains("Bonjour from stdout", "Hola from stderr");
        assertThat(log.get(end + 1)).matches("REPORT RequestId: [0-9a-f-]{36}\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms"
                + "\tMemory Size: 256 MB\tMax Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms");
        assertThat(log.get(start)).endsWith(" Version: $LATEST");
    }

    @Test
    void invocationFindingEveryEnvironmentBusyPastTheWaitIsThrottled() throws Exception {
        host(1, function("sleeper", "Sleeper"));
        host.prewarm("sleeper").toCompletableFuture().get(30, TimeUnit.SECONDS);
        CompletionStage<Invocation> busy = host.invoke("sleeper", "{\"sleepMillis\": 3000}".getBytes());

        Invocation throttled = invoke(host, "sleeper", "{}");

        assertThat(throttled).isEqualTo(new Invocation.Throttled("Rate Exceeded.", ThrottleReason.ACCOUNT_CONCURRENCY));
        assertThat(busy.toCompletableFuture().get(30, TimeUnit.SECONDS)).isInstanceOf(Invocation.Returned.class);
    }

    @Test
    void concurrentInvocationsRunInEnvironmentsOfTheirOwn() throws Exception {
        host(2, function("sleeper", "Sleeper"));

        CompletionStage<Invocation> first = host.invoke("sleeper", "{\"sleepMillis\": 1500}".getBytes());
        CompletionStage<Invocation> second = host.invoke("sleeper", "{\"sleepMillis\": 1500}".getBytes());

        String firstPid = text(((Invocation.Returned) first.toCompletableFuture().get(30, TimeUnit.SECONDS)).payload());
        String secondPid = text(((Invocation.Returned) second.toCompletableFuture().get(30, TimeUnit.SECONDS)).payload());
        assertThat(firstPid).isNotEqualTo(secondPid);
    }

    @Test
    void invocationWaitsForTheEnvironmentABusyFunctionFrees() throws Exception {
        host(TestFunctions.options(dataDir, 1, Duration.ofSeconds(20)), function("sleeper", "Sleeper"));
        host.prewarm("sleeper").toCompletableFuture().get(30, TimeUnit.SECONDS);

        CompletionStage<Invocation> busy = host.invoke("sleeper", "{\"sleepMillis\": 500}".getBytes());
        Invocation waited = invoke(host, "sleeper", "{}");

        assertThat(waited).isInstanceOf(Invocation.Returned.class);
        assertThat(text(((Invocation.Returned) waited).payload()))
                .isEqualTo(text(((Invocation.Returned) busy.toCompletableFuture().get(30, TimeUnit.SECONDS)).payload()));
    }

    @Test
    void responseLargerThanSixMegabytesFails() throws Exception {
        host(4, function("oversized", "Oversized"));

        Invocation.Failed failed = (Invocation.Failed) invoke(host, "oversized", "{}");

        assertThat(failed.errorType()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(failed.errorMessage()).isEqualTo("Response payload size exceeded maximum allowed payload size (6291456 bytes).");
    }

    @Test
    void unknownFunctionIsRefused() {
        host(4);

        assertThatThrownBy(() -> host.invoke("nobody", new byte[0]).toCompletableFuture().get())
                .cause().isInstanceOf(FunctionNotFoundException.class).hasMessage("Function not found: nobody");
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
