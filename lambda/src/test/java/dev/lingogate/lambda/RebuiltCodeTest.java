package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The developer loop: after a rebuild, the next invocations run the new code, without restarting the host. */
class RebuiltCodeTest {

    private static Vertx vertx;

    @TempDir
    Path dataDir;
    @TempDir
    Path codeDir;
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

    private FunctionHost hostOf(Path code) {
        host = new FunctionHost(vertx, TestFunctions.options(dataDir, 2));
        host.register(new FunctionDefinition("greeter", FunctionBuild.HANDLER, "java17", List.of(code), 256, 10, Map.of(),
                TestFunctions.ROLE_KEY, "arn:aws:iam::000000000000:role/greeter-role"));
        return host;
    }

    private String greet(String event) throws Exception {
        return text(((Invocation.Returned) TestFunctions.invoke(host, "greeter", event)).payload());
    }

    /** The host looks for a new build at most once a second. */
    private static void waitForTheHostToLook() throws InterruptedException {
        Thread.sleep(1_300);
    }

    @Test
    void recompiledClassDirectoryAnswersWithTheNewCodeAtTheNextInvocation() throws Exception {
        Path classes = codeDir.resolve("classes");
        FunctionBuild.compile(classes, "Hello");
        hostOf(classes);
        assertThat(greet("{}")).startsWith("\"Hello from ");

        FunctionBuild.compile(classes, "Bonjour");
        waitForTheHostToLook();

        assertThat(greet("{}")).startsWith("\"Bonjour from ");
    }

    @Test
    void invocationInFlightDuringARebuildFinishesOnTheOldCodeAndItsEnvironmentIsThenStopped() throws Exception {
        Path jar = codeDir.resolve("greeter.jar");
        FunctionBuild.packageJar(jar, "Hello");
        hostOf(jar);
        assertThat(greet("{}")).startsWith("\"Hello from ");
        CompletionStage<Invocation> inFlight = host.invoke("greeter", "{\"sleepMillis\": 3000}".getBytes());

        FunctionBuild.packageJar(jar, "Bonjour");
        waitForTheHostToLook();
        String afterRebuild = greet("{}");

        assertThat(afterRebuild).startsWith("\"Bonjour from ");
        String before = text(((Invocation.Returned) inFlight.toCompletableFuture().get(30, TimeUnit.SECONDS)).payload());
        assertThat(before).startsWith("\"Hello from ");
        long oldPid = Long.parseLong(before.replaceAll("[^0-9]", ""));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).as("old environment drained").isFalse();
        assertThat(greet("{}")).isEqualTo(afterRebuild);
    }
}
