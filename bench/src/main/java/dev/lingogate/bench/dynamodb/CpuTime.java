package dev.lingogate.bench.dynamodb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user + system) a process has used so far, read from {@code /proc/<pid>/stat}. Read
 * before and after a pass, the difference per call is a figure that, unlike calls per second, other
 * work on a shared machine changes little: the benchmark's main instrument.
 */
final class CpuTime {

    /** Linux's clock ticks of {@code /proc/<pid>/stat}: USER_HZ, 100 on every architecture Linux runs on today. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    /** The process's CPU nanoseconds so far, or -1 when there is no such process (or no pid, -1). */
    static long ofProcess(long pid) {
        if (pid < 0) {
            return -1;
        }
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command sits in parentheses and may itself hold spaces or parentheses.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // fields[0] is stat(5)'s field 3: utime is field 14, stime 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
