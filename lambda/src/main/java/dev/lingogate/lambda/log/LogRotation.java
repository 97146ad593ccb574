package dev.lingogate.lambda.log;

/**
 * When a function's log file is rotated: once it would grow past {@code maxFileBytes}, it becomes
 * {@code <function>.log.1} (the older ones shift to {@code .2}, {@code .3}, ...), and only
 * {@code keptFiles} rotated files are kept besides the current one.
 */
public record LogRotation(long maxFileBytes, int keptFiles) {

    /** 10 MB a file, five old files kept: at most 60 MB of log per function. */
    public static final LogRotation DEFAULT = new LogRotation(10L * 1024 * 1024, 5);

    public LogRotation {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1, was " + maxFileBytes);
        }
        if (keptFiles < 0) {
            throw new IllegalArgumentException("keptFiles must be at least 0, was " + keptFiles);
        }
    }
}
