package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.invoke;
import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProvisionedConcurrencyConfig: environments started ahead, kept warm however long idle, replaced when they die. */
class ProvisionedConcurrencyTest {

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
    void closeHost() {
        if (host != null) {
            host.close();
        }
    }

    private void deploy(HostOptions options, FunctionDefinition function) throws Exception {
        host = new FunctionHost(vertx, options);
        host.register(function);
        host.prewarm(function.name()).toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static List<ProcessHandle> environments() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
    }

    private List<String> reports(String function) throws Exception {
        return Files.readAllLines(dataDir.resolve("logs").resolve(function + ".log")).stream()
                .filter(line -> line.startsWith("REPORT ")).toList();
    }

    @Test
    void provisionedEnvironmentsStartAtDeployAreToldSoAndOutliveTheIdleTimeout() throws Exception {
        deploy(TestFunctions.options(dataDir, 1).withIdleTimeout(Duration.ofMillis(200)),
                function("whoami", "WhoAmI").withProvisionedConcurrency(2));
        List<ProcessHandle> started = environments();
        assertThat(started).hasSize(2);

        JsonNode first = JSON.readTree(((Invocation.Returned) invoke(host, "whoami", "{}")).payload());
        Thread.sleep(1_000);
        JsonNode later = JSON.readTree(((Invocation.Returned) invoke(host, "whoami", "{}")).payload());

        assertThat(first.path("environment").path("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("provisioned-concurrency");
        assertThat(later.path("pid").asLong()).isEqualTo(first.path("pid").asLong());
        assertThat(environments()).containsExactlyInAnyOrderElementsOf(started);
        // Their init was done ahead, not while a caller waited: Lambda reports no Init Duration.
        assertThat(reports("whoami")).hasSize(2).noneMatch(report -> report.contains("Init Duration"));
    }

    @Test
    void provisionedEnvironmentKilledByATimeoutIsReplacedByAnotherProvisionedOne() throws Exception {
        deploy(TestFunctions.options(dataDir, 1, Duration.ofSeconds(20)),
                function("sleeper", "Sleeper", 1, Map.of()).withProvisionedConcurrency(1));
        String firstPid = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());

        assertThat(invoke(host, "sleeper", "{\"sleepMillis\": 5000}")).isInstanceOf(Invocation.TimedOut.class);
        String nextPid = text(((Invocation.Returned) invoke(host, "sleeper", "{}")).payload());

        assertThat(nextPid).isNotEqualTo(firstPid);
        assertThat(reports("sleeper")).hasSize(3).noneMatch(report -> report.contains("Init Duration"));
    }

    @Test
    void provisionedConcurrencyAboveTheReservedConcurrencyIsRefused() {
        FunctionDefinition sleeper = function("sleeper", "Sleeper").withReservedConcurrency(1);

        assertThatThrownBy(() -> sleeper.withProvisionedConcurrency(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProvisionedConcurrentExecutions of sleeper (2) should not be greater than its ReservedConcurrentExecutions (1)");
    }
}
