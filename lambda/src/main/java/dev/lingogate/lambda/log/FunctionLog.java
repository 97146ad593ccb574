package dev.lingogate.lambda.log;

import dev.lingogate.lambda.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A function's log, {@code logs/<function>.log}, rotated as {@link LogRotation} says: what its environments print, framed by the
 * {@code START}, {@code END} and {@code REPORT} lines Lambda writes around each invocation, so that
 * the file reads like the function's CloudWatch log group. The framing lines are returned too, for
 * the invocation's {@link LogTail}.
 */
public final class FunctionLog implements AutoCloseable {

    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final LogRotation rotation;
    // Guarded by this: lines not yet in the file. Held only to add or take lines, never across a write.
    private List<String> pending = new ArrayList<>();
    /**
     * Held while lines go to the file, which keeps them in order and rotates it. The environments of a
     * function write to one log from several event loops: a line is queued under a lock held for
     * nanoseconds, and whoever writes takes every line queued so far, so that one write to the file
     * carries the lines of several invocations when they end together, and an invocation's START
     * never waits behind another's write.
     */
    private final Object writing = new Object();
    // Guarded by writing.
    private OutputStream out;
    private long size;

    /** Where the host keeps the log of {@code functionName}: {@code dataDir/logs/<function>.log}. */
    public static Path fileOf(Path dataDir, String functionName) {
        return dataDir.resolve("logs").resolve(functionName + ".log");
    }

    public FunctionLog(Path file, LogRotation rotation) {
        this.file = file;
        this.rotation = rotation;
        try {
            Files.createDirectories(file.getParent());
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the function log " + file, e);
        }
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    /** One line the function (or its runtime) printed. */
    public void line(String text) {
        append(text, true);
    }

    /**
     * Queues a line; {@code flush} false leaves it queued for a line that surely follows (START before
     * the function's output or END, END before REPORT), so that a warm invocation's lines cost one
     * write to the file, not three: on this kind of machine a system call is what a warm invocation's
     * time goes to.
     */
    private void append(String text, boolean flush) {
        synchronized (this) {
            pending.add(text);
        }
        if (flush) {
            flush();
        }
    }

    /** Writes every queued line; when it returns, the lines queued before the call are in the file. */
    private void flush() {
        synchronized (writing) {
            List<String> lines;
            synchronized (this) {
                if (pending.isEmpty()) {
                    // Written by the call before this one, which took them with its own.
                    return;
                }
                lines = pending;
                pending = new ArrayList<>();
            }
            try {
                write(lines);
            } catch (IOException e) {
                // A full disk must not fail the invocation whose output it is.
            }
        }
    }

    /** Writes {@code lines} with one write to the file, or one per file when the file is rotated among them. */
    private void write(List<String> lines) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            long length = bytes.length + NEWLINE.length;
            if (size > 0 && size + length > rotation.maxFileBytes()) {
                chunk.writeTo(out);
                chunk.reset();
                rotate();
            }
            chunk.write(bytes);
            chunk.write(NEWLINE);
            size += length;
        }
        chunk.writeTo(out);
    }

    /** {@code f.log} becomes {@code f.log.1}, {@code f.log.1} becomes {@code f.log.2}, ...; the oldest past the kept number goes. */
    private void rotate() throws IOException {
        out.close();
        if (rotation.keptFiles() == 0) {
            Files.delete(file);
        } else {
            Files.deleteIfExists(rotated(rotation.keptFiles()));
            for (int i = rotation.keptFiles() - 1; i >= 1; i--) {
                if (Files.exists(rotated(i))) {
                    Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path rotated(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }

    /**
     * Writes the line that opens an invocation, and returns it. It reaches the file with the first
     * line the function prints, or with the invocation's END and REPORT.
     */
    public String start(String requestId) {
        return written("START RequestId: " + requestId + " Version: $LATEST", false);
    }

    /** Writes the line of an invocation that timed out; {@link #end} follows it. */
    public String timedOut(String requestId, String message) {
        return written(Instant.now() + " " + requestId + " " + message, false);
    }

    /** Writes the line that ends an invocation; {@link #report} follows it. */
    public String end(String requestId) {
        return written("END RequestId: " + requestId, false);
    }

    /**
     * @param initNanos how long the environment took to initialise, reported on its first invocation only
     * @param outcome   how the invocation ended: Lambda notes a timeout, and a runtime that exited
     */
    public String report(String requestId, long durationNanos, int memorySizeMb, OptionalLong maxMemoryUsedMb,
            OptionalLong initNanos, Invocation outcome) {
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(millis(durationNanos)).append(" ms")
                .append("\tBilled Duration: ").append((durationNanos + 999_999) / 1_000_000).append(" ms")
                .append("\tMemory Size: ").append(memorySizeMb).append(" MB");
        maxMemoryUsedMb.ifPresent(used -> report.append("\tMax Memory Used: ").append(used).append(" MB"));
        initNanos.ifPresent(init -> report.append("\tInit Duration: ").append(millis(init)).append(" ms"));
        if (outcome instanceof Invocation.TimedOut) {
            report.append("\tStatus: timeout");
        } else if (outcome instanceof Invocation.Failed failed && failed.errorType().startsWith("Runtime.")) {
            report.append("\tStatus: error\tError Type: ").append(failed.errorType());
        }
        return written(report.toString(), true);
    }

    private String written(String text, boolean flush) {
        append(text, flush);
        return text;
    }

    /** Milliseconds with two decimals, as {@code %.2f} writes them, without a Formatter on every invocation. */
    static String millis(long nanos) {
        long hundredths = Math.round(nanos / 10_000.0);
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** Writes what is queued and closes the file. */
    @Override
    public void close() {
        flush();
        synchronized (writing) {
            try {
                out.close();
            } catch (IOException e) {
                // Closing at shutdown: nothing left to save.
            }
        }
    }
}
