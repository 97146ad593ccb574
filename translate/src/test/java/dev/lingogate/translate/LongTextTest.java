package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.translate.apertium.ApertiumPipeline;
import dev.lingogate.translate.apertium.PipelinePool;
import dev.lingogate.translate.language.LanguagePair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongTextTest {

    private static final LanguagePair EN_ES = new LanguagePair("en", "es");

    @Test
    void aLongTextIsSpreadAcrossPipelinesAndComesBackAsApertiumTranslatesItWhole(@TempDir Path modes) throws IOException {
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        List<String> sentences = corpus().subList(0, 120);
        StringBuilder text = new StringBuilder("Title of the text\n\n");
        for (int i = 0; i < sentences.size(); i++) {
            text.append(sentences.get(i)).append(i % 10 == 9 ? "\n\n" : i % 5 == 4 ? "\n" : i % 7 == 0 ? "  " : " ");
        }
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 2, Duration.ofSeconds(15)).withoutCache())) {
            String translated = engine.translate(EN_ES, text.toString()).text();

            assertThat(translated).isEqualTo(ApertiumCli.translate("eng-spa", text.toString()));
            assertThat(engine.pool(EN_ES).orElseThrow().pipelines()).hasSize(2);
        }
    }

    @Test
    void aPipelineGrownPastItsMemoryLimitIsReplacedOnceIdle(@TempDir Path modes) throws IOException {
        Files.copy(Path.of("/usr/share/apertium/modes/eng-spa.mode"), modes.resolve("eng-spa.mode"));
        try (TranslationEngine engine = TranslationEngine.start(new TranslateOptions(modes, 1, Duration.ofSeconds(15))
                .withoutCache().withPipelineMemoryLimit(1))) {
            PipelinePool pool = engine.pool(EN_ES).orElseThrow();
            engine.translate(EN_ES, "The house is big.");
            ApertiumPipeline first = pool.pipelines().get(0);
            assertThat(first.residentBytes()).isGreaterThan(1);

            String expected = ApertiumCli.translate("eng-spa", "The house is big.");
            for (int i = 0; i < 2 * PipelinePool.MEMORY_CHECK_INTERVAL; i++) {
                assertThat(engine.translate(EN_ES, "The house is big.").text()).isEqualTo(expected);
            }

            assertThat(pool.pipelines()).hasSize(1).doesNotContain(first);
            assertThat(first.isBroken()).isTrue();
        }
    }

    static List<String> corpus() throws IOException {
        try (InputStream in = LongTextTest.class.getResourceAsStream("/en-sentences.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
