package dev.lingogate.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every corpus sentence comes back as {@code apertium -u eng-spa} translates that sentence alone, whichever
 * sentences went through the same warm pipelines before it. Apertium's tagger, if one process tags them all,
 * lets some sentences change the next ones (line 700 alone says "encontró", after line 696 "encontrado"),
 * so neither one batch run nor the file's order can be the reference.
 */
class CorpusIdentityTest {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusIdentityTest.class);

    /**
     * Lines checked against a fresh {@code apertium -u} each: 700 and 902, which a sentence before them
     * changes, and every hundredth. A fresh run costs over a second of processor time, too much for all 1,000.
     */
    private static final List<Integer> FRESH_RUN_LINES = List.of(1, 101, 201, 301, 401, 501, 601, 700, 701, 801, 901, 902);

    private static TranslationEngine engine;
    private static RunningEdge edge;
    private static List<String> sentences;

    @BeforeAll
    static void start() throws IOException {
        try (InputStream in = CorpusIdentityTest.class.getResourceAsStream("/en-sentences.txt")) {
            sentences = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        engine = TranslationEngine.start(new TranslateOptions(TranslateOptions.defaults().modesDir(), 2,
                TranslateOptions.defaults().requestTimeout()).withoutCache());
        edge = new RunningEdge(engine.services());
    }

    @AfterAll
    static void stop() {
        edge.close();
        engine.close();
    }

    @Test
    void everyCorpusSentenceSentConcurrentlyInAnyOrderIsByteIdenticalToApertiumOnThatSentenceAlone() throws Exception {
        List<Integer> shuffled = IntStream.range(0, sentences.size()).boxed().collect(Collectors.toList());
        Collections.shuffle(shuffled, new Random(6));
        List<Integer> reversed = new ArrayList<>(shuffled);
        Collections.reverse(reversed);

        List<String> first = translateConcurrently(shuffled);
        List<String> second = translateConcurrently(reversed);
        List<String> alone = inParallel(FRESH_RUN_LINES, line -> ApertiumCli.translate("eng-spa", sentences.get(line - 1)));

        assertThat(second).hasSize(1_000).containsExactlyElementsOf(first);
        assertThat(FRESH_RUN_LINES.stream().map(line -> first.get(line - 1)).toList()).containsExactlyElementsOf(alone);
    }

    /** The translations of every sentence, by line, sent in the given order eight at a time. */
    private static List<String> translateConcurrently(List<Integer> order) throws Exception {
        long started = System.nanoTime();
        List<String> byLine = inParallel(order, index -> edge.translate()
                .translateText(r -> r.text(sentences.get(index)).sourceLanguageCode("en").targetLanguageCode("es"))
                .translatedText());
        String[] answers = new String[sentences.size()];
        for (int i = 0; i < order.size(); i++) {
            answers[order.get(i)] = byLine.get(i);
        }
        LOG.info("{} requests through the edge, 8 at a time, took {} ms", order.size(), (System.nanoTime() - started) / 1_000_000);
        return List.of(answers);
    }

    private static <T> List<String> inParallel(List<T> inputs, Function<T, String> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = inputs.stream().map(input -> threads.submit(() -> call.apply(input))).toList();
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdown();
        }
    }
}
