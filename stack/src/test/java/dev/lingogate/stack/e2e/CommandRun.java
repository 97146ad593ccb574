package dev.lingogate.stack.e2e;

import dev.lingogate.stack.Lingogate;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code lingogate} command line in this JVM, as a person types it: exit code and output. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = run(out, err, arguments);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** Runs until the command ends or the thread is interrupted, its output going to {@code out} as written. */
    static void into(StringWriter out, String... arguments) {
        run(out, new StringWriter(), arguments);
    }

    private static int run(StringWriter out, StringWriter err, String... arguments) {
        CommandLine command = new CommandLine(new Lingogate());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(arguments);
    }
}
