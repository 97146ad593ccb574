package dev.lingogate.bench.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The engine's ceiling: {@code apertium -u eng-spa} given the whole file as one batch, timed from
 * the start of the process to its exit, so that no server of the engine can be faster. The output
 * must have one line per sentence, or the figure means nothing.
 */
final class BatchCeiling {

    private final Path sentences;

    BatchCeiling(Path sentences) {
        this.sentences = sentences;
    }

    Measurement run() throws IOException, InterruptedException {
        int count = Files.readAllLines(sentences).size();
        Path output = Files.createTempFile("apertium-batch", ".txt");
        try {
            OptionalLong driver = OptionalLong.of(ProcessHandle.current().pid());
            ProcessCpu before = ProcessCpu.of(driver);
            long started = System.nanoTime();
            Process apertium = new ProcessBuilder("apertium", "-u", "eng-spa")
                    .redirectInput(sentences.toFile())
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = apertium.waitFor();
            long elapsed = System.nanoTime() - started;
            List<String> translated = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (exit != 0 || translated.size() != count) {
                throw new IllegalStateException("apertium -u eng-spa exited " + exit + " with " + translated.size()
                        + " lines for " + count + " sentences");
            }
            // The batch's programs, once waited for, count among the driver's children.
            ProcessCpu programs = new ProcessCpu(0, 0, ProcessCpu.of(driver).minus(before).otherChildrenNanos());
            return Measurement.of(count, 0, elapsed, new long[0], LoadPass.loadAverage(), programs, 0);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
