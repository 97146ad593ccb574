package dev.lingogate.translate;

import dev.lingogate.translate.apertium.ApertiumPipeline;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A warm pipeline whose first program, the analyser, is stopped with SIGSTOP: it reads nothing, so
 * every request sent to the pipeline stays in flight until the analyser is let go (SIGCONT). A test
 * holds requests this way to see where the next ones go; closing lets the analyser go in any case.
 */
final class StoppedAnalyser implements AutoCloseable {

    private final ProcessHandle analyser;

    private StoppedAnalyser(ProcessHandle analyser) {
        this.analyser = analyser;
    }

    static StoppedAnalyser of(ApertiumPipeline pipeline) throws IOException, InterruptedException {
        StoppedAnalyser stopped = new StoppedAnalyser(pipeline.processes().get(0));
        stopped.signal("STOP");
        return stopped;
    }

    /** Waits up to 20 s for the requests sent meanwhile to have reached where the test wants them. */
    static void awaitHeld(BooleanSupplier held) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!held.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    void letGo() throws IOException, InterruptedException {
        signal("CONT");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        letGo();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(analyser.pid())).start().waitFor();
    }
}
