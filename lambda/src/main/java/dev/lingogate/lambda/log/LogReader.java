package dev.lingogate.lambda.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a function's log file as {@code lingogate logs FUNCTION [--follow]} shows it: first what the
 * current file holds, then at each {@link #read} the lines written since, across rotations. The file
 * is known by its identity on disk (its inode), so when {@link FunctionLog} rotates it to
 * {@code <function>.log.1}, the rest of it is read there before the new file is started.
 *
 * <p>Only whole lines are returned; a line still being written is returned once it is ended.
 */
public final class LogReader {

    private final Path file;
    /** The file being read, by identity, or null before it exists. */
    private Object fileKey;
    private long offset;

    public LogReader(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The reader of the log the host writes for {@code functionName} under {@code dataDir}. */
    public static LogReader of(Path dataDir, String functionName) {
        return new LogReader(FunctionLog.fileOf(dataDir, functionName));
    }

    /** From now on, {@link #read} answers only lines written after this call. */
    public synchronized void skipToEnd() {
        Object key = keyOf(file);
        if (key != null) {
            fileKey = key;
            offset = sizeOf(file);
        }
    }

    /**
     * The whole lines written since the last read (all of the current file at the first), oldest
     * first; none while the function has no log yet.
     */
    public synchronized List<String> read() {
        List<String> lines = new ArrayList<>();
        Object current = keyOf(file);
        if (fileKey != null && !fileKey.equals(current)) {
            // Rotated since: the rest of the file we read is now the first rotated one, unless the
            // function wrote a whole file's worth since or no rotated file is kept.
            Path rotated = file.resolveSibling(file.getFileName() + ".1");
            if (fileKey.equals(keyOf(rotated))) {
                lines.addAll(readFrom(rotated, true));
            }
            fileKey = null;
            offset = 0;
        }
        if (current == null) {
            return lines;
        }
        if (fileKey == null) {
            fileKey = current;
        } else if (sizeOf(file) < offset) {
            offset = 0;
        }
        lines.addAll(readFrom(file, false));
        return lines;
    }

    /**
     * Hands every line to {@code lines} as it is written, looking every {@code interval}, until the
     * calling thread is interrupted.
     */
    public void follow(Consumer<String> lines, Duration interval) {
        while (!Thread.currentThread().isInterrupted()) {
            read().forEach(lines);
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The lines of {@code path} from the offset on; a last line without its end only if {@code finished}. */
    private List<String> readFrom(Path path, boolean finished) {
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= offset) {
                return List.of();
            }
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - offset));
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // Reads until the buffer is full: the file does not shrink under us.
            }
            bytes = buffer.array();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function log " + path, e);
        }
        List<String> lines = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8));
                lineStart = i + 1;
            }
        }
        if (finished && lineStart < bytes.length) {
            lines.add(new String(bytes, lineStart, bytes.length - lineStart, StandardCharsets.UTF_8));
            lineStart = bytes.length;
        }
        offset += lineStart;
        return lines;
    }

    private static Object keyOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }
}
