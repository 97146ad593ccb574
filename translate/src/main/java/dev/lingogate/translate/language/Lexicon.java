package dev.lingogate.translate.language;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.lingogate.edge.process.OwnSession;
import dev.lingogate.translate.apertium.ApertiumMode;
import dev.lingogate.translate.apertium.ModeDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words one language's Apertium analyser knows: how much of a text they cover. Lingua weighs
 * letter sequences, so Catalan, Spanish and Portuguese, which share most of theirs, are close
 * calls for it; a morphological dictionary tells them apart at once ("farciment" is a Catalan
 * word, and no Spanish one). The analyser ({@code lt-proc -z}, the first program of a mode from
 * that language) starts on first use and stays warm; it answers each text at the NUL that ends it.
 */
public final class Lexicon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lexicon.class);

    /** Characters with a meaning in Apertium's stream format; they are never part of a word. */
    private static final Pattern STREAM_SYNTAX = Pattern.compile("[\\\\^$/<>@*\\[\\]{}#+~\\x00]");
    /** One analysed word: {@code ^surface/analysis...$}; an unknown one's analysis starts with {@code *}. */
    private static final Pattern WORD = Pattern.compile("\\^[^/$]*/(\\*?)[^$]*\\$");
    private static final long ANSWER_MILLIS = 2_000;

    private final String language;
    private final ApertiumMode mode;
    private final ExecutorService reader;
    private Process process;

    /**
     * @param language the ISO 639-1 code of the language the analyser reads
     * @param mode     a mode from that language, whose first program is its analyser
     */
    public Lexicon(String language, ApertiumMode mode) {
        this.language = language;
        this.mode = mode;
        this.reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lexicon-" + language);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One lexicon for every language an installed mode translates from. */
    public static List<Lexicon> ofInstalledModes(ModeDirectory modes) {
        Map<String, Lexicon> lexicons = new LinkedHashMap<>();
        for (ApertiumMode mode : modes.modes()) {
            IsoLanguage.ofApertiumCode(mode.source())
                    .ifPresent(language -> lexicons.computeIfAbsent(language, key -> new Lexicon(key, mode)));
        }
        return List.copyOf(lexicons.values());
    }

    public String language() {
        return language;
    }

    /**
     * The share of the text's words the analyser knows, from 0 to 1; empty if the text has no
     * word or the analyser could not answer (then detection goes on without it).
     */
    public synchronized Optional<Double> coverage(String text) {
        try {
            String analysed = analyse(STREAM_SYNTAX.matcher(text).replaceAll(" "));
            int words = 0;
            int known = 0;
            Matcher word = WORD.matcher(analysed);
            while (word.find()) {
                words++;
                if (word.group(1).isEmpty()) {
                    known++;
                }
            }
            return words == 0 ? Optional.empty() : Optional.of((double) known / words);
        } catch (IOException | TimeoutException | ExecutionException e) {
            LOG.warn("The {} analyser could not answer ({}); it is restarted on the next text", language, e.toString());
            stop();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return Optional.empty();
        }
    }

    private String analyse(String text) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        if (process == null || !process.isAlive()) {
            process = OwnSession.builder(mode.pipeline().get(0)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        }
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.write(0);
        in.flush();
        InputStream out = process.getInputStream();
        return CompletableFuture.supplyAsync(() -> untilNul(out), reader).get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static String untilNul(InputStream out) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            for (int b = out.read(); b != 0; b = out.read()) {
                if (b < 0) {
                    throw new IllegalStateException("the analyser exited");
                }
                answer.write(b);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
        reader.shutdownNow();
    }
}
