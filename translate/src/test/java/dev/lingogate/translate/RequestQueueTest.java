package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;

class RequestQueueTest {

    private static final String SENTENCE = "The house is big.";

    @Test
    void requestsBeyondThePipelinesCapacityWaitTheirTurnAndAreAnswered(@TempDir Path modes) throws IOException {
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        int callersAtOnce = PipelinePool.REQUESTS_PER_PIPELINE + 16;
        List<String> sentences = IntStream.range(0, 2 * callersAtOnce).mapToObj(i -> "The house number " + i + " is big.").toList();
        ExecutorService callers = Executors.newFixedThreadPool(callersAtOnce);
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(15)).withoutCache()
                .withQueuePerPair(40));
                RunningEdge edge = new RunningEdge(engine.services())) {
            List<CompletableFuture<String>> answers = sentences.stream()
                    .map(text -> CompletableFuture.supplyAsync(() -> translate(edge, text), callers))
                    .toList();

            assertThat(answers.stream().map(CompletableFuture::join).toList()).containsExactlyElementsOf(
                    List.of(ApertiumCli.translate("eng-spa", String.join("\n\n", sentences)).split("\n\n", -1)));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRequestFindingTheQueueFullIsRefusedWithServiceUnavailable(@TempDir Path modes) throws Exception {
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        int capacity = PipelinePool.REQUESTS_PER_PIPELINE;
        ExecutorService callers = Executors.newFixedThreadPool(capacity + 2);
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(10)).withoutCache()
                .withQueuePerPair(2));
                RunningEdge edge = new RunningEdge(engine.services())) {
            PipelinePool pool = engine.pool(new LanguagePair("en", "es")).orElseThrow();
            String expected = translate(edge, SENTENCE);
            // Every request now stays in the warm pipeline or in the queue.
            try (StoppedAnalyser stopped = StoppedAnalyser.of(pool.pipelines().get(0))) {
                List<CompletableFuture<String>> held = IntStream.range(0, capacity + 2)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> translate(edge, SENTENCE), callers))
                        .toList();
                StoppedAnalyser.awaitHeld(() -> pool.queued() >= 2);
                assertThat(pool.queued()).as("requests waiting behind the stopped pipeline").isEqualTo(2);

                assertThatThrownBy(() -> translate(edge, SENTENCE))
                        .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(500);
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The translation engine for en to es "
                                    + "is busy: all 1 eng-spa pipeline(s) are busy and 2 request(s) already wait. "
                                    + "Retry your request later.");
                        });

                stopped.letGo();
                assertThat(held).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(expected));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static String translate(RunningEdge edge, String text) {
        return edge.translate().translateText(r -> r.text(text).sourceLanguageCode("en").targetLanguageCode("es"))
                .translatedText();
    }
}
