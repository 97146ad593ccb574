package dev.lingogate.translate.apertium;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The HMM tagger of a pipeline ({@code apertium-tagger -g}), fed one request at a time and started
 * afresh whenever a request has changed what it carries to the next.
 *
 * <p>When the tagger meets a word whose ambiguity class its model does not know, it looks for the
 * smallest known class that includes it, starting from its class for unknown words, and by a slip in
 * its code (apertium 3.8, {@code tagger_utils::find_similar_ambiguity_class} assigns through a
 * reference to the model's open class) writes the class it finds over that open class for the rest of
 * the process's life; a null flush does not undo it. Unknown words are then tagged with fewer
 * candidate tags, which changes the tags chosen around them: "No OS metadata found." gives
 * "encontró" alone but "encontrado" after "Sets the name of the cluster, which is included in the
 * process title.", because of "included". About one corpus sentence in a hundred does this.
 *
 * <p>With {@code -d} the tagger reports each such word on its standard error, and its output is
 * unchanged. The gate sends the tagger the next request only once it has the whole answer to the one
 * before, so everything the tagger reported by then belongs to the requests before; when it reported
 * a change, the gate starts a fresh tagger (a few milliseconds: its model is small) before the next
 * request. The other programs before and after it keep streaming several requests at once.
 */
final class TaggerGate {

    /** What the tagger writes, with {@code -d}, when it meets an ambiguity class its model lacks. */
    private static final String NEW_CLASS = "new ambiguity class was found";

    private final String name;
    private final ProcessBuilder builder;
    private final InputStream requests;
    private final OutputStream answers;
    private final Runnable onExit;
    /** One permit while the tagger waits for a request; the feeder takes it, the drainer gives it back. */
    private final Semaphore idle = new Semaphore(1);
    private volatile Process tagger;
    private volatile boolean stopped;
    private volatile long restarts;

    /**
     * @param requests the output of the programs before the tagger
     * @param answers  the input of the programs after it
     * @param onExit   called once the gate stops passing requests, because a program exited
     */
    private TaggerGate(String name, List<String> command, InputStream requests, OutputStream answers, Runnable onExit)
            throws IOException {
        this.name = name;
        List<String> reporting = new ArrayList<>(command);
        reporting.add(1, "-d");
        this.builder = new ProcessBuilder(reporting);
        builder.environment().put("LC_ALL", "C.UTF-8");
        this.requests = requests;
        this.answers = new BufferedOutputStream(answers, 64 * 1024);
        this.onExit = onExit;
        this.tagger = builder.start();
    }

    static TaggerGate start(String name, List<String> command, InputStream requests, OutputStream answers,
                            Runnable onExit) throws IOException {
        TaggerGate gate = new TaggerGate(name, command, requests, answers, onExit);
        gate.thread("feed", gate::feed);
        gate.thread("drain", gate::drain);
        return gate;
    }

    /**
     * Whether the program is the HMM tagger: {@code apertium-tagger} disambiguating ({@code -g}) with
     * neither the perceptron ({@code -x}), the sliding window ({@code -w}) nor the unigram model
     * ({@code -u}), which do not share its class-finding code.
     */
    static boolean isHmmTagger(List<String> program) {
        if (program.isEmpty() || !program.get(0).endsWith("apertium-tagger")) {
            return false;
        }
        List<String> options = program.stream().skip(1).filter(word -> word.matches("-[a-zA-Z]+")).toList();
        return options.stream().anyMatch(option -> option.contains("g"))
                && options.stream().noneMatch(option -> option.matches(".*[xwu].*"));
    }

    /** The tagger now running. */
    Process tagger() {
        return tagger;
    }

    /** How many times a fresh tagger replaced one whose state a request had changed. */
    long restarts() {
        return restarts;
    }

    void stop() {
        stopped = true;
        tagger.destroy();
    }

    private void thread(String role, Runnable work) {
        Thread thread = new Thread(work, "apertium-" + name + "-tagger-" + role);
        thread.setDaemon(true);
        thread.start();
    }

    /** Passes each request from the programs before to the tagger, once the tagger is done with the last. */
    private void feed() {
        try (InputStream in = new BufferedInputStream(requests, 64 * 1024)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                request.write(b);
                if (b == 0) {
                    idle.acquire();
                    OutputStream input = tagger.getOutputStream();
                    request.writeTo(input);
                    input.flush();
                    request.reset();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The tagger or a program before it exited: the drainer sees the end and stops the pipeline.
        } finally {
            tagger.destroy();
        }
    }

    /** Passes each answer of the tagger to the programs after it, and starts a fresh tagger when needed. */
    private void drain() {
        try {
            InputStream out = new BufferedInputStream(tagger.getInputStream(), 64 * 1024);
            int b;
            while (!stopped && (b = out.read()) >= 0) {
                answers.write(b);
                if (b == 0) {
                    answers.flush();
                    if (reportedNewClass()) {
                        tagger.destroy();
                        tagger = builder.start();
                        restarts++;
                        out = new BufferedInputStream(tagger.getInputStream(), 64 * 1024);
                    }
                    idle.release();
                }
            }
        } catch (IOException e) {
            // The programs after the tagger exited.
        } finally {
            try {
                answers.close();
            } catch (IOException e) {
                // Already closed by the program's exit.
            }
            onExit.run();
        }
    }

    /** Reads what the tagger reported; it waits for input now, so everything it wrote is in the pipe. */
    private boolean reportedNewClass() throws IOException {
        InputStream errors = tagger.getErrorStream();
        int available = errors.available();
        return available > 0 && new String(errors.readNBytes(available), StandardCharsets.UTF_8).contains(NEW_CLASS);
    }
}
