package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.apertium.ApertiumPipeline;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguagePair;
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
            try (StoppedAnalyser stopped = StoppedAnalyser.of(first)) {
                List<CompletableFuture<String>> held = IntStream.range(0, full)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> engine.translate(EN_ES, SENTENCE).text(), callers))
                        .toList();
                StoppedAnalyser.awaitHeld(() -> first.inFlight() >= full);
                assertThat(first.inFlight()).as("requests in the first pipeline").isEqualTo(full);
                assertThat(pool.pipelines()).containsExactly(first);

                String answeredBySecond = CompletableFuture.supplyAsync(() -> engine.translate(EN_ES, SENTENCE).text(), callers)
                        .get();

                assertThat(answeredBySecond).isEqualTo(expected);
                assertThat(pool.pipelines()).hasSize(2).startsWith(first);
                stopped.letGo();
                assertThat(held).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(expected));
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
