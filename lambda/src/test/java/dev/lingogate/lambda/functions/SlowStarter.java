package dev.lingogate.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Takes half a second to initialise, and notes in the file its {@code INIT_LOG} variable names when
 * its init began and ended (appends of a line each, which several JVMs may make to one file); then
 * sleeps as long as the event's {@code sleepMillis} says and answers its PID.
 */
public class SlowStarter implements RequestHandler<Map<String, Object>, Long> {

    static {
        note("began");
        sleep(500);
        note("ended");
    }

    @Override
    public Long handleRequest(Map<String, Object> event, Context context) {
        sleep(((Number) event.getOrDefault("sleepMillis", 0)).longValue());
        return ProcessHandle.current().pid();
    }

    private static void note(String what) {
        try {
            Files.writeString(Path.of(System.getenv("INIT_LOG")), what + " " + ProcessHandle.current().pid() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
