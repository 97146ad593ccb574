package dev.lingogate.lambda.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code lingogate logs FUNCTION [--follow]} reads from a function's log on a real disk. */
class LogReaderTest {

    @TempDir
    Path dataDir;

    private static String line(int i) {
        return String.format("line %02d of the function's output", i); // 32 bytes with its newline
    }

    private static List<String> lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(LogReaderTest::line).toList();
    }

    private static void write(FunctionLog log, int from, int to) {
        lines(from, to).forEach(log::line);
    }

    @Test
    void firstReadIsTheWholeFileAndEachNextOnlyWhatWasWrittenSince() {
        try (FunctionLog log = new FunctionLog(FunctionLog.fileOf(dataDir, "printer"), LogRotation.DEFAULT)) {
            LogReader reader = LogReader.of(dataDir, "printer");
            write(log, 1, 3);
            assertThat(reader.read()).isEqualTo(lines(1, 3));

            write(log, 4, 5);

            assertThat(reader.read()).isEqualTo(lines(4, 5));
            assertThat(reader.read()).isEmpty();
        }
    }

    @Test
    void functionWithoutLogYetReadsAsNothingUntilItWrites() {
        LogReader reader = LogReader.of(dataDir, "quiet");

        assertThat(reader.read()).isEmpty();

        try (FunctionLog log = new FunctionLog(FunctionLog.fileOf(dataDir, "quiet"), LogRotation.DEFAULT)) {
            write(log, 1, 1);
        }
        assertThat(reader.read()).isEqualTo(lines(1, 1));
    }

    @Test
    void readingFollowsTheLogAcrossItsRotationWithoutLosingOrRepeatingALine() {
        try (FunctionLog log = new FunctionLog(FunctionLog.fileOf(dataDir, "printer"), new LogRotation(100, 2))) {
            LogReader reader = LogReader.of(dataDir, "printer");
            write(log, 1, 2);
            assertThat(reader.read()).isEqualTo(lines(1, 2));

            write(log, 3, 5); // line 04 starts a new file

            assertThat(reader.read()).isEqualTo(lines(3, 5));
            assertThat(dataDir.resolve("logs/printer.log.1")).exists();
        }
    }

    @Test
    void lineStillBeingWrittenIsReadOnceItEnds() throws Exception {
        Path file = FunctionLog.fileOf(dataDir, "printer");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "whole line\nhalf a li", StandardCharsets.UTF_8);
        LogReader reader = LogReader.of(dataDir, "printer");
        assertThat(reader.read()).containsExactly("whole line");

        Files.writeString(file, "ne\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(reader.read()).containsExactly("half a line");
    }

    @Test
    void skippingToTheEndShowsOnlyWhatComesAfter() {
        try (FunctionLog log = new FunctionLog(FunctionLog.fileOf(dataDir, "printer"), LogRotation.DEFAULT)) {
            write(log, 1, 3);
            LogReader reader = LogReader.of(dataDir, "printer");
            reader.skipToEnd();

            write(log, 4, 4);

            assertThat(reader.read()).isEqualTo(lines(4, 4));
        }
    }

    @Test
    void followingHandsOnEveryLineAsItIsWrittenUntilInterrupted() throws Exception {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (FunctionLog log = new FunctionLog(FunctionLog.fileOf(dataDir, "printer"), new LogRotation(100, 2))) {
            write(log, 1, 2);
            Thread follower = new Thread(() -> LogReader.of(dataDir, "printer").follow(shown::add, Duration.ofMillis(10)));
            follower.start();
            awaitLines(shown, 2);

            for (int i = 3; i <= 9; i++) {
                write(log, i, i);
                awaitLines(shown, i);
            }
            follower.interrupt();
            follower.join(5_000);

            assertThat(follower.isAlive()).isFalse();
        }
        assertThat(shown).isEqualTo(lines(1, 9));
    }

    private static void awaitLines(List<String> shown, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (shown.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
