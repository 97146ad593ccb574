package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.translate.apertium.ApertiumPipeline;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguagePair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;

class PipelineRecoveryTest {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRecoveryTest.class);

    @Test
    void aKilledPipelineProcessIsRestartedAndTheRequestAnswered() throws IOException {
        Path modes = Files.createDirectories(Files.createTempDirectory("modes"));
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(15)).withoutCache());
                RunningEdge edge = new RunningEdge(engine.services())) {
            PipelinePool pool = engine.pool(new LanguagePair("en", "es")).orElseThrow();
            String expected = ApertiumCli.translate("eng-spa", "The house is big.");
            assertThat(translate(edge, "The house is big.")).isEqualTo(expected);
            ApertiumPipeline first = pool.pipelines().get(0);

            first.processes().get(5).destroyForcibly();

            assertThat(translate(edge, "The house is big.")).isEqualTo(expected);
            assertThat(pool.pipelines().get(0)).isNotSameAs(first);
            assertThat(first.processes()).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void aPipelineAnswersWarmRequestsInMilliseconds() throws IOException {
        Path modes = Files.createDirectories(Files.createTempDirectory("modes"));
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(15)).withoutCache())) {
            PipelinePool pool = engine.pool(new LanguagePair("en", "es")).orElseThrow();
            long started = System.nanoTime();
            pool.translate("Warm up.");
            LOG.info("first request on a fresh pipeline took {} ms", (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                assertThat(pool.translate("The house is big.")).isNotEmpty();
            }
            LOG.info("a warm request took {} ms on average", String.format("%.2f", (System.nanoTime() - started) / 1e6 / 200));
        }
    }

    @Test
    void aPairsPipelinesStartOnItsFirstRequestAndStayWarm() throws IOException {
        Path modes = Files.createDirectories(Files.createTempDirectory("modes"));
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 2, Duration.ofSeconds(15)).withoutCache())) {
            PipelinePool pool = engine.pool(new LanguagePair("en", "es")).orElseThrow();
            assertThat(pool.pipelines()).isEmpty();

            pool.translate("The house is big.");
            ApertiumPipeline warm = pool.pipelines().get(0);
            pool.translate("The house is small.");

            assertThat(pool.pipelines()).containsExactly(warm);
        }
    }

    @Test
    void closingTheEngineStopsEveryPipelineProcess() throws IOException {
        Path modes = Files.createDirectories(Files.createTempDirectory("modes"));
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 2, Duration.ofSeconds(15)).withoutCache());
        PipelinePool pool = engine.pool(new LanguagePair("en", "es")).orElseThrow();
        pool.translate("The house is big.");
        List<ProcessHandle> processes = pool.pipelines().stream()
                .flatMap(pipeline -> pipeline.processes().stream()).toList();
        assertThat(processes).hasSizeGreaterThan(10).allMatch(ProcessHandle::isAlive);

        engine.close();

        processes.forEach(process -> process.onExit().join());
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aPipelineThatCannotRunAnswersServiceUnavailable(@TempDir Path modes) throws IOException {
        // A mode whose analyser has no dictionary: lt-proc exits at once, at every restart.
        Files.writeString(modes.resolve("en-fr.mode"), "lt-proc '" + modes.resolve("missing.bin") + "'\n");
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(5)).withoutCache());
                RunningEdge edge = new RunningEdge(engine.services())) {
            assertThatThrownBy(() -> edge.translate().translateText(r -> r.text("Hello")
                            .sourceLanguageCode("en").targetLanguageCode("fr")))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The translation engine for en to fr "
                                + "is temporarily unavailable: a program of the en-fr-0 pipeline exited. Retry your request.");
                    });
        }
    }

    private static String translate(RunningEdge edge, String text) {
        return edge.translate().translateText(r -> r.text(text).sourceLanguageCode("en").targetLanguageCode("es"))
                .translatedText();
    }
}
