package dev.lingogate.lambda.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.lambda.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's log file on a real disk, rotated by size. */
class FunctionLogTest {

    @TempDir
    Path dir;

    private static void write(FunctionLog log, int from, int to) {
        for (int i = from; i <= to; i++) {
            log.line(String.format("line %02d of the function's output", i)); // 32 bytes with its newline
        }
    }

    @Test
    void fileAboutToPassItsSizeIsRotatedAndOnlyTheKeptNumberOfOldFilesRemain() throws Exception {
        Path file = dir.resolve("printer.log");
        try (FunctionLog log = new FunctionLog(file, new LogRotation(100, 2))) {
            write(log, 1, 12);
        }

        assertThat(Files.readAllLines(file)).containsExactly("line 10 of the function's output",
                "line 11 of the function's output", "line 12 of the function's output");
        assertThat(Files.readAllLines(dir.resolve("printer.log.1"))).first().isEqualTo("line 07 of the function's output");
        assertThat(Files.readAllLines(dir.resolve("printer.log.2"))).first().isEqualTo("line 04 of the function's output");
        assertThat(dir.resolve("printer.log.3")).doesNotExist();
        assertThat(Files.size(file)).isLessThanOrEqualTo(100);
    }

    @Test
    void reopenedLogContinuesItsFileAndRotatesAtTheSameSize() throws Exception {
        Path file = dir.resolve("printer.log");
        try (FunctionLog log = new FunctionLog(file, new LogRotation(100, 1))) {
            write(log, 1, 2);
        }
        try (FunctionLog log = new FunctionLog(file, new LogRotation(100, 1))) {
            write(log, 3, 4);
        }

        assertThat(Files.readAllLines(dir.resolve("printer.log.1"))).hasSize(3);
        assertThat(Files.readAllLines(file)).containsExactly("line 04 of the function's output");
    }

    @Test
    void withNoOldFilesKeptTheLogStartsAfreshWhenFull() throws Exception {
        Path file = dir.resolve("printer.log");
        try (FunctionLog log = new FunctionLog(file, new LogRotation(100, 0))) {
            write(log, 1, 4);
        }

        assertThat(Files.readAllLines(file)).containsExactly("line 04 of the function's output");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).isEqualTo(List.of("printer.log"));
        }
    }

    @Test
    void lineLongerThanTheLimitIsKeptWholeInAFileOfItsOwn() throws Exception {
        Path file = dir.resolve("printer.log");
        String longLine = "x".repeat(250);
        try (FunctionLog log = new FunctionLog(file, new LogRotation(100, 3))) {
            log.line("before");
            log.line(longLine);
            log.line("after");
        }

        assertThat(Files.readAllLines(dir.resolve("printer.log.2"))).containsExactly("before");
        assertThat(Files.readAllLines(dir.resolve("printer.log.1"))).containsExactly(longLine);
        assertThat(Files.readAllLines(file)).containsExactly("after");
    }

    @Test
    void reportWritesDurationsInMillisecondsWithTwoDecimalsAndBillsWholeMillisecondsRoundedUp() throws Exception {
        try (FunctionLog log = new FunctionLog(dir.resolve("f.log"), LogRotation.DEFAULT)) {
            String report = log.report("r1", 1_234_567, 256, OptionalLong.of(60), OptionalLong.of(305_006_000),
                    new Invocation.Returned(new byte[0]));

            assertThat(report).isEqualTo("REPORT RequestId: r1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 256 MB"
                    + "\tMax Memory Used: 60 MB\tInit Duration: 305.01 ms");
        }
        assertThat(FunctionLog.millis(0)).isEqualTo("0.00");
        assertThat(FunctionLog.millis(9_995_000)).isEqualTo("10.00");
        assertThat(FunctionLog.millis(50_000)).isEqualTo("0.05");
    }
}
