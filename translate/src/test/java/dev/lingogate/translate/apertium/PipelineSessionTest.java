package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every program of a pipeline runs in a session of its own, so the SIGINT of a terminal's Ctrl-C
 * reaches only the launcher, which closes the pipeline once the requests in flight are answered.
 */
class PipelineSessionTest {

    @Test
    void everyProgramLeadsASessionOfItsOwnAndIsOurChild() throws IOException {
        ApertiumMode engSpa = new ModeDirectory(Path.of("/usr/share/apertium/modes")).modes().stream()
                .filter(mode -> mode.name().equals("eng-spa")).findFirst().orElseThrow();
        try (PipelinePool pool = new PipelinePool(engSpa, 1, Duration.ofSeconds(60))) {
            assertThat(pool.translate("The house is big.")).isEqualTo("La casa es grande.");
            List<ProcessHandle> programs = pool.pipelines().stream().flatMap(pipeline -> pipeline.processes().stream()).toList();

            assertThat(programs).as("the pipeline's programs, tagger included").hasSizeGreaterThan(3)
                    .allSatisfy(program -> {
                        assertThat(sessionOf(program.pid())).as("session of %s", program.info().command()).isEqualTo(program.pid());
                        assertThat(program.parent().map(ProcessHandle::pid)).as("parent of %s", program.info().command())
                                .contains(ProcessHandle.current().pid());
                    });
        }
    }

    private static long sessionOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The fields after the command, which is in parentheses: state, parent, group, session.
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
