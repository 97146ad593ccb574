package dev.lingogate.lambda.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The end of one invocation's log, from its {@code START} line to its {@code REPORT} line: what
 * Lambda returns base64 in {@code X-Amz-Log-Result} when the caller asks for {@code X-Amz-Log-Type: Tail}.
 */
public final class LogTail {

    /** Lambda returns the last 4 KB of the log. */
    public static final int LIMIT_BYTES = 4 * 1024;

    // Guarded by this. Trimmed only once it holds twice the limit, so that a chatty function costs
    // one copy per 4 KB rather than one per line.
    private final StringBuilder text = new StringBuilder();

    public synchronized void append(String line) {
        text.append(line).append('\n');
        if (text.length() > 2 * LIMIT_BYTES) {
            text.delete(0, text.length() - LIMIT_BYTES);
        }
    }

    /** The last 4 KB of the lines appended, as UTF-8 (a character cut at the start is cut, as Lambda's is). */
    public synchronized byte[] bytes() {
        byte[] all = text.toString().getBytes(StandardCharsets.UTF_8);
        return all.length <= LIMIT_BYTES ? all : Arrays.copyOfRange(all, all.length - LIMIT_BYTES, all.length);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes());
    }
}
