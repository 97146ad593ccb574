package dev.lingogate.edge.process;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the programs behind the services (function JVMs, Apertium's programs) each in a session of
 * its own, so that only the launcher decides when they stop.
 *
 * <p>A terminal's Ctrl-C sends SIGINT to its whole foreground process group. Children left in the
 * launcher's group died with it at once, and a request in flight failed although the launcher's
 * shutdown would have drained it; in a session of their own they hear nothing from the terminal
 * (SIGINT, SIGQUIT, SIGHUP when it closes) and are stopped in order by the launcher's shutdown.
 *
 * <p>The command runs under util-linux's {@code setsid}, which calls {@code setsid(2)} and then execs
 * the program in place, since a child of the JVM is never a process-group leader (it forks only for
 * a leader). So {@link Process#pid()} is the program's own pid, {@link Process#destroy()} and
 * {@link Process#destroyForcibly()} reach the program itself, its exit status is the program's, and
 * it stays the launcher's child. What it no longer shares is the launcher's fate: a launcher killed
 * with SIGKILL takes no child with it, so every program must end by itself when the launcher is gone
 * (a function JVM's Runtime API connection is refused, an Apertium program reads the end of its input).
 */
public final class OwnSession {

    private OwnSession() {
    }

    /** A builder that starts {@code command} in a session of its own. */
    public static ProcessBuilder builder(List<String> command) {
        List<String> prefixed = new ArrayList<>(command.size() + 1);
        prefixed.add("setsid");
        prefixed.addAll(command);
        return new ProcessBuilder(prefixed);
    }

    /** A builder that starts {@code command} in a session of its own. */
    public static ProcessBuilder builder(String... command) {
        return builder(List.of(command));
    }
}
