package dev.lingogate.translate.apertium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lingogate.translate.ApertiumCli;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A warm pipeline answers each request as a fresh {@code apertium -u} answers that text alone, whatever
 * went through the pipeline before. The pairs of sentences are lines of the corpus whose first sentence
 * changes Apertium's HMM tagger for good (696 "included", 754 "A lot of"), and whose second is then
 * tagged otherwise (700 "encontrado" instead of "encontró", 902 "como" instead of "tan").
 */
class RequestIndependenceTest {

    private static final String INCLUDED = "Sets the name of the cluster, which is included in the process title.";
    private static final String FOUND = "No OS metadata found. This is unusual.";
    private static final String A_LOT_OF = "A lot of buffers are being dropped.";
    private static final String AS_DEFAULT = "Privileges are required to set a printer, or a class, as default printer.";

    private static ApertiumMode engSpa;
    private static PipelinePool pool;

    @BeforeAll
    static void start() throws IOException {
        engSpa = new ModeDirectory(Path.of("/usr/share/apertium/modes")).modes().stream()
                .filter(mode -> mode.name().equals("eng-spa")).findFirst().orElseThrow();
        pool = new PipelinePool(engSpa, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void aSentenceAfterOneThatChangesTheTaggerIsTranslatedAsItIsAlone() {
        for (String[] pair : new String[][] {{INCLUDED, FOUND}, {A_LOT_OF, AS_DEFAULT}}) {
            String alone = ApertiumCli.translate("eng-spa", pair[1]);
            String afterInOneRun = ApertiumCli.translate("eng-spa", pair[0] + "\n\n" + pair[1]).split("\n\n")[1];
            assertThat(afterInOneRun).as("apertium itself, in one run, after «%s»", pair[0]).isNotEqualTo(alone);

            pool.translate(pair[0]);
            assertThat(pool.translate(pair[1])).as("after «%s» in the same pipeline", pair[0]).isEqualTo(alone);
        }
    }

    @Test
    void requestsInFlightBehindOneThatChangesTheTaggerAreTranslatedAsAlone() throws Exception {
        try (ApertiumPipeline pipeline = ApertiumPipeline.start("eng-spa-test", engSpa.pipeline())) {
            CompletableFuture<String> changing = pipeline.translate(PlainTextFormat.deformat(INCLUDED));
            CompletableFuture<String> behind = pipeline.translate(PlainTextFormat.deformat(FOUND));
            CompletableFuture<String> further = pipeline.translate(PlainTextFormat.deformat(AS_DEFAULT));

            assertThat(PlainTextFormat.reformat(changing.get())).isEqualTo(ApertiumCli.translate("eng-spa", INCLUDED));
            assertThat(PlainTextFormat.reformat(behind.get())).isEqualTo(ApertiumCli.translate("eng-spa", FOUND));
            assertThat(PlainTextFormat.reformat(further.get())).isEqualTo(ApertiumCli.translate("eng-spa", AS_DEFAULT));
            assertThat(pipeline.taggerRestarts()).isEqualTo(1);
            assertThat(pipeline.isBroken()).isFalse();
        }
    }

    @Test
    void aStreamOfRequestsOfWhichManyChangeTheTaggerIsTranslatedAsEachAlone() throws Exception {
        List<String> sentences = List.of(INCLUDED, FOUND, A_LOT_OF, AS_DEFAULT);
        Map<String, String> alone = new HashMap<>();
        sentences.forEach(sentence -> alone.put(sentence, ApertiumCli.translate("eng-spa", sentence)));
        try (ApertiumPipeline pipeline = ApertiumPipeline.start("eng-spa-test", engSpa.pipeline())) {
            List<String> sent = new ArrayList<>();
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String sentence = sentences.get(i * 7 % sentences.size());
                sent.add(sentence);
                answers.add(pipeline.translate(PlainTextFormat.deformat(sentence)));
            }

            for (int i = 0; i < sent.size(); i++) {
                assertThat(PlainTextFormat.reformat(answers.get(i).get(60, TimeUnit.SECONDS)))
                        .as("request %d, «%s»", i, sent.get(i)).isEqualTo(alone.get(sent.get(i)));
            }
            // Each of the 24 requests that change the tagger costs exactly one restart, none of those behind it another.
            assertThat(pipeline.taggerRestarts()).isEqualTo(24);
            assertThat(pipeline.isBroken()).isFalse();
        }
    }

    @Test
    void aKilledTaggerBreaksThePipelineAndFailsItsRequests() throws Exception {
        try (ApertiumPipeline pipeline = ApertiumPipeline.start("eng-spa-test", engSpa.pipeline())) {
            pipeline.translate(PlainTextFormat.deformat(FOUND)).get();
            ProcessHandle tagger = pipeline.processes().get(2);
            assertThat(tagger.info().command().orElseThrow()).endsWith("apertium-tagger");
            tagger.destroyForcibly();
            tagger.onExit().get();

            assertThatThrownBy(() -> pipeline.translate(PlainTextFormat.deformat(FOUND)).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PipelineFailure.class)
                    .hasMessageContaining("eng-spa-test pipeline");
            assertThat(pipeline.isBroken()).isTrue();
        }
    }

    @Test
    void aPipelineWithoutATaggerChangeKeepsServing() throws Exception {
        try (ApertiumPipeline pipeline = ApertiumPipeline.start("eng-spa-test", engSpa.pipeline())) {
            String first = PlainTextFormat.reformat(pipeline.translate(PlainTextFormat.deformat(FOUND)).get());
            String second = PlainTextFormat.reformat(pipeline.translate(PlainTextFormat.deformat(FOUND)).get());

            assertThat(second).isEqualTo(first).isEqualTo(ApertiumCli.translate("eng-spa", FOUND));
            assertThat(pipeline.isBroken()).isFalse();
            assertThat(pipeline.taggerRestarts()).isZero();
        }
    }
}
