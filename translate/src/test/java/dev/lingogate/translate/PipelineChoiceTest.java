package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.apertium.ApertiumPipeline;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguagePair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which warm pipeline a one-sentence request goes to (the pieces of a long text: {@link LongTextTest}). */
class PipelineChoiceTest {

    private static final LanguagePair EN_ES = new LanguagePair("en", "es");
    private static final String SENTENCE = "The house is big.";

    @Test
    void oneSentenceRequestsFillTheFirstPipelineBeforeASecondStarts(@TempDir Path modes) throws Exception {
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        int full = PipelinePool.REQUESTS_PER_PIPELINE;
        ExecutorService callers = Executors.newFixedThreadPool(full + 1);
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 2, Duration.ofSeconds(20)).withoutCache())) {
            PipelinePool pool = engine.pool(EN_ES).orElseThrow();
            String expected = engine.translate(EN_ES, SENTENCE).text();
            ApertiumPipeline first = pool.pipelines().get(0);
            // The first pipeline's analyser stops reading: every request sent to it stays in flight.
            ProcessHandle analyser = first.processes().get(0);
            signal("STOP", analyser);
            try {
                List<CompletableFuture<String>> held = IntStream.range(0, full)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> engine.translate(EN_ES, SENTENCE).text(), callers))
                        .toList();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (first.inFlight() < full && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(first.inFlight()).as("requests in the first pipeline").isEqualTo(full);
                assertThat(pool.pipelines()).containsExactly(first);

                String answeredBySecond = CompletableFuture.supplyAsync(() -> engine.translate(EN_ES, SENTENCE).text(), callers)
                        .get();

                assertThat(answeredBySecond).isEqualTo(expected);
                assertThat(pool.pipelines()).hasSize(2).startsWith(first);
                signal("CONT", analyser);
                assertThat(held).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(expected));
            } finally {
                signal("CONT", analyser);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void signal(String signal, ProcessHandle process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
    }
}
