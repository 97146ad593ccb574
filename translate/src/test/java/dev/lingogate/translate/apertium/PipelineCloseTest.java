package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A closed pool leaves no Apertium program behind: close returns once every one of them is gone. */
class PipelineCloseTest {

    @Test
    void closeReturnsOnceEveryProgramOfEveryPipelineHasEnded() throws IOException {
        ApertiumMode engSpa = new ModeDirectory(Path.of("/usr/share/apertium/modes")).modes().stream()
                .filter(mode -> mode.name().equals("eng-spa")).findFirst().orElseThrow();
        PipelinePool pool = new PipelinePool(engSpa, 1, Duration.ofSeconds(60));
        assertThat(pool.translate("The house is big.")).isEqualTo("La casa es grande.");
        List<ProcessHandle> programs = pool.pipelines().stream().flatMap(pipeline -> pipeline.processes().stream()).toList();

        pool.close();

        assertThat(programs).as("the pipeline's programs, tagger included").hasSizeGreaterThan(3)
                .noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilled() throws IOException {
        ApertiumPipeline stubborn = ApertiumPipeline.start("stubborn", List.of(List.of("sh", "-c", "trap '' TERM; cat; exec sleep 60")));
        // Its answer means the trap is set: the program now ignores SIGTERM, and outlives its input.
        assertThat(stubborn.translate("ready")).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("ready");
        List<ProcessHandle> programs = stubborn.processes();

        stubborn.close();

        assertThat(programs).hasSize(1).noneMatch(ProcessHandle::isAlive);
    }
}
