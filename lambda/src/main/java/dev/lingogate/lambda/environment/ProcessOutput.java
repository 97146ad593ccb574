package dev.lingogate.lambda.environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hands what an environment's JVM prints (stdout and stderr merged) to the environment, line by
 * line, on a thread of its own.
 */
final class ProcessOutput {

    private static final long DRAIN_LIMIT_NANOS = 200_000_000;
    /** Long enough for a copier woken by new output to have said so; short, as every invocation waits it. */
    private static final long QUIET_NANOS = 2_000_000;

    private final InputStream output;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private volatile boolean waitingForOutput;
    private volatile long lastCopiedNanos = System.nanoTime();

    ProcessOutput(InputStream output, Consumer<String> lines, String threadName) {
        this.output = output;
        this.lines = lines;
        Thread copier = new Thread(this::copy, threadName);
        copier.setDaemon(true);
        copier.start();
    }

    /**
     * Waits (briefly) until everything the JVM has printed so far is in the log. A handler's output
     * is in the pipe before its answer reaches the host, so calling this before writing {@code END}
     * keeps the handler's lines between {@code START} and {@code END}.
     *
     * <p>The pipe cannot be asked how much it holds while the copier blocks reading it (the
     * stream's lock is held), so this waits until the copier has sat waiting for output, with
     * nothing new, for a few milliseconds: a pipe with data in it would have woken it at once.
     *
     * <p>Output not ended by a newline is handed on as a line of its own: the context's
     * {@code LambdaLogger.log} writes its message as is, and on Lambda each call is a record of the
     * invocation that made it, not the start of a line the next invocation finishes.
     */
    void drain() {
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        try {
            while (!(waitingForOutput && System.nanoTime() - lastCopiedNanos >= QUIET_NANOS)
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endPartialLine();
    }

    private synchronized void endPartialLine() {
        if (partialLine.size() > 0) {
            lines.accept(partialLine.toString(StandardCharsets.UTF_8));
            partialLine.reset();
        }
    }

    private void copy() {
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                waitingForOutput = true;
                int read = output.read(buffer);
                waitingForOutput = false;
                if (read < 0) {
                    break;
                }
                split(buffer, read);
                lastCopiedNanos = System.nanoTime();
            }
        } catch (IOException e) {
            // The process was killed: what it printed so far is in the log.
        }
        endPartialLine();
        lastCopiedNanos = System.nanoTime() - QUIET_NANOS;
        waitingForOutput = true;
    }

    private synchronized void split(byte[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '\n') {
                lines.accept(partialLine.toString(StandardCharsets.UTF_8));
                partialLine.reset();
            } else if (b != '\r') {
                partialLine.write(b);
            }
        }
    }
}
