package dev.lingogate.lambda.environment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Lambda's "Max Memory Used" of one JVM: its resident-set high-water mark, {@code VmHWM} in
 * {@code /proc/<pid>/status}.
 *
 * <p>Read after every invocation, so read cheaply: the file is opened once and read again from its
 * start into one buffer (the kernel writes it afresh on every read), and the number is picked out
 * of the bytes. Opening it and decoding it line by line on every invocation took a third of the
 * host's CPU on a warm echo function.
 */
final class MaxMemoryUsed implements AutoCloseable {

    private static final byte[] FIELD = "VmHWM:".getBytes(StandardCharsets.US_ASCII);

    private final FileChannel status;
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    private MaxMemoryUsed(FileChannel status) {
        this.status = status;
    }

    /** Of the process {@code pid}; one that reports nothing where there is no {@code /proc} (not Linux). */
    static MaxMemoryUsed of(long pid) {
        try {
            return new MaxMemoryUsed(FileChannel.open(Path.of("/proc", Long.toString(pid), "status"), StandardOpenOption.READ));
        } catch (IOException | UnsupportedOperationException e) {
            return new MaxMemoryUsed(null);
        }
    }

    /** In megabytes, rounded up; empty once the process is gone. */
    synchronized OptionalLong megabytes() {
        if (status == null) {
            return OptionalLong.empty();
        }
        try {
            buffer.clear();
            long kilobytes = -1;
            // One read returns the whole file (about 1.4 KB) in practice; reading on to the end, only to
            // be told there is no more, would cost a second system call on every invocation.
            while (kilobytes < 0 && buffer.hasRemaining() && status.read(buffer, buffer.position()) > 0) {
                kilobytes = kilobytesIn(buffer.array(), buffer.position());
            }
            return kilobytes < 0 ? OptionalLong.empty() : OptionalLong.of((kilobytes + 1023) / 1024);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The number after {@code VmHWM:} ({@code VmHWM:     51234 kB}), or -1 if there is none or the
     * text ends before its unit does (the rest of the number may be in the next read).
     */
    static long kilobytesIn(byte[] text, int length) {
        int at = indexOf(text, length);
        if (at < 0) {
            return -1;
        }
        int i = at + FIELD.length;
        while (i < length && (text[i] == ' ' || text[i] == '\t')) {
            i++;
        }
        long value = -1;
        while (i < length && text[i] >= '0' && text[i] <= '9') {
            value = (value < 0 ? 0 : value * 10) + (text[i] - '0');
            i++;
        }
        return i < length ? value : -1;
    }

    private static int indexOf(byte[] text, int length) {
        outer:
        for (int i = 0; i + FIELD.length <= length; i++) {
            for (int j = 0; j < FIELD.length; j++) {
                if (text[i + j] != FIELD[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public synchronized void close() {
        if (status != null) {
            try {
                status.close();
            } catch (IOException e) {
                // Nothing was written: nothing is lost.
            }
        }
    }
}
