package dev.lingogate.edge.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnSessionTest {

    @Test
    void theProgramItselfRunsAsTheLeaderOfANewSessionAndStaysOurChild() throws Exception {
        Process sleep = OwnSession.builder("sleep", "60").start();
        try {
            Stat stat = statOnceExeced(sleep.pid(), "sleep");
            assertThat(stat.session()).as("session").isEqualTo(sleep.pid()).isNotEqualTo(Stat.of(ProcessHandle.current().pid()).session());
            assertThat(stat.processGroup()).as("process group").isEqualTo(sleep.pid());
            assertThat(stat.parent()).as("parent").isEqualTo(ProcessHandle.current().pid());
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void destroyReachesTheProgramItself() throws Exception {
        Process sleep = OwnSession.builder("sleep", "60").start();
        statOnceExeced(sleep.pid(), "sleep");
        sleep.destroy();
        assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).as("ended by SIGTERM").isTrue();
        assertThat(sleep.exitValue()).as("128 + SIGTERM").isEqualTo(143);
    }

    @Test
    void theExitStatusIsTheProgramsOwn() throws Exception {
        Process shell = OwnSession.builder("sh", "-c", "exit 7").start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).isEqualTo(7);
    }

    /** The fields of {@code /proc/<pid>/stat} this test reads. */
    private record Stat(String command, long parent, long processGroup, long session) {

        static Stat of(long pid) throws IOException {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command is in parentheses and may hold spaces; the numbered fields follow the last ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            String command = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
            return new Stat(command, Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
        }
    }

    /** The stat of {@code pid} once {@code setsid} has become {@code command}: the exec follows the start closely. */
    private static Stat statOnceExeced(long pid, String command) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            Stat stat = Stat.of(pid);
            if (stat.command().equals(command)) {
                return stat;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never became " + command + ": " + Stat.of(pid));
    }
}
