package dev.lingogate.lambda;

import static dev.lingogate.lambda.TestFunctions.function;
import static dev.lingogate.lambda.TestFunctions.functionIn;
import static dev.lingogate.lambda.TestFunctions.invoke;
import static dev.lingogate.lambda.TestFunctions.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each function's AppCDS archive: written by its first environment's JVM as it ends, mapped by the JVMs after it. */
class ClassDataArchiveTest {

    private static Vertx vertx;

    @TempDir
    Path dataDir;
    @TempDir
    Path codeDir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    /** Runs the function once in a host of its own, closed after; answers the PID of the JVM it ran in. */
    private long runOnce(FunctionDefinition function, LongConsumer whileRunning) throws Exception {
        try (FunctionHost host = new FunctionHost(vertx, TestFunctions.options(dataDir, 1))) {
            host.register(function);
            long pid = Long.parseLong(text(((Invocation.Returned) invoke(host, function.name(), "{}")).payload()));
            whileRunning.accept(pid);
            return pid;
        }
    }

    private List<Path> archivesOf(String function) throws Exception {
        Path directory = dataDir.resolve("cds").resolve(function);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static String mapsOf(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "maps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void firstEnvironmentWritesTheArchiveAsItEndsAndTheNextEnvironmentMapsIt() throws Exception {
        FunctionDefinition sleeper = functionIn(TestFunctions.functionsJar(codeDir), "sleeper", "Sleeper");

        runOnce(sleeper, pid -> assertThat(mapsOf(pid)).doesNotContain(dataDir.resolve("cds").toString()));

        List<Path> archives = archivesOf("sleeper");
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).endsWith(".jsa");
        runOnce(sleeper, pid -> assertThat(mapsOf(pid)).contains(archives.get(0).toString()));
        assertThat(Files.readAllLines(dataDir.resolve("logs/sleeper.log"))).noneMatch(line -> line.contains("[cds]"));
    }

    @Test
    void archiveIsKeptWhenSigintStoppedTheJvmThatWroteIt() throws Exception {
        FunctionDefinition sleeper = functionIn(TestFunctions.functionsJar(codeDir), "sleeper", "Sleeper");

        runOnce(sleeper, pid -> interrupt(pid));

        assertThat(archivesOf("sleeper")).hasSize(1);
    }

    /** Sends SIGINT, as {@code kill -INT} does (Ctrl-C in the launcher's terminal no longer reaches a function JVM), and waits for the end. */
    private static void interrupt(long pid) {
        try {
            assertThat(new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor()).isZero();
            ProcessHandle.of(pid).ifPresent(jvm -> jvm.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void newBuildOfTheFunctionGetsAnArchiveOfItsOwnInPlaceOfTheOldOne() throws Exception {
        Path jar = TestFunctions.functionsJar(codeDir);
        FunctionDefinition sleeper = functionIn(jar, "sleeper", "Sleeper");
        runOnce(sleeper, pid -> { });
        Path first = archivesOf("sleeper").get(0);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        runOnce(sleeper, pid -> assertThat(mapsOf(pid)).doesNotContain(first.toString()));

        assertThat(archivesOf("sleeper")).hasSize(1).doesNotContain(first);
    }

    @Test
    void functionWhoseCodeIsAClassDirectoryRunsWithoutArchive() throws Exception {
        runOnce(function("sleeper", "Sleeper"), pid -> { });

        assertThat(archivesOf("sleeper")).isEmpty();
    }
}
