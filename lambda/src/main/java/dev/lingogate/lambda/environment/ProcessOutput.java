package dev.lingogate.lambda.environment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Hands what an environment's JVM prints (stdout and stderr merged) to the environment, line by line.
 *
 * <p>The JVM prints to a file of its own, not to a pipe: a file can be read up to exactly what was
 * written so far, at once, so {@link #drain} puts an invocation's output in the log before its
 * {@code END} line at no cost. (From a pipe, only waiting until the reading thread had sat idle for
 * a while could tell that nothing more was in it; every invocation paid that wait, 2 ms or more.)
 * Between invocations a thread of its own reads what comes, a few times a second.
 */
final class ProcessOutput implements AutoCloseable {

    private static final long LOOK_EVERY_MILLIS = 100;

    private final Path file;
    private final FileChannel channel;
    private final Consumer<String> lines;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    // Guarded by this.
    private long position;
    private boolean closed;

    private ProcessOutput(Path file, Consumer<String> lines, String threadName) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.lines = lines;
        Thread reader = new Thread(this::readWhileOpen, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** A new, empty file in {@code directory} for a JVM to print to. */
    static Path newFile(Path directory, String functionName) {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, functionName + "-", ".out");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output file of an environment in " + directory, e);
        }
    }

    /** Reads {@code file}, which a JVM prints to, handing each line to {@code lines}. */
    static ProcessOutput of(Path file, Consumer<String> lines, String threadName) {
        try {
            return new ProcessOutput(file, lines, threadName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output file of an environment " + file, e);
        }
    }

    /**
     * Hands on everything the JVM has printed so far. A handler's output is in the file before its
     * answer reaches the host, so calling this before writing {@code END} keeps the handler's lines
     * between {@code START} and {@code END}.
     *
     * <p>Output not ended by a newline is handed on as a line of its own: the context's
     * {@code LambdaLogger.log} writes its message as is, and on Lambda each call is a record of the
     * invocation that made it, not the start of a line the next invocation finishes.
     */
    synchronized void drain() {
        if (closed) {
            return;
        }
        readAvailable();
        if (partialLine.size() > 0) {
            lines.accept(partialLine.toString(StandardCharsets.UTF_8));
            partialLine.reset();
        }
    }

    /** The JVM has ended: the rest of what it printed is handed on, and its file goes. */
    @Override
    public synchronized void close() {
        drain();
        closed = true;
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover file in the data directory harms nothing.
        }
    }

    private void readWhileOpen() {
        while (true) {
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                readAvailable();
            }
        }
    }

    /** Reads to the end of what is written; the caller holds the lock. */
    private void readAvailable() {
        try {
            int read;
            while ((read = channel.read(buffer, position)) > 0) {
                position += read;
                split(buffer.array(), read);
                buffer.clear();
            }
        } catch (IOException e) {
            // The file went with the data directory: what was read is in the log.
        }
    }

    private void split(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                lines.accept(partialLine.toString(StandardCharsets.UTF_8));
                partialLine.reset();
            } else if (b != '\r') {
                partialLine.write(b);
            }
        }
    }
}
