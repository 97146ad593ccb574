package dev.lingogate.translate.apertium;

import dev.lingogate.edge.process.OwnSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The HMM tagger of a pipeline ({@code apertium-tagger -g}), started afresh whenever a request has
 * changed what it carries to the next, and the requests it had already been sent after that one
 * tagged again by the fresh tagger.
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
 * <p>With {@code -d} the tagger reports each such word on its standard error ({@link NewClassReports}),
 * and its output is unchanged. It writes the report while it reads the request, so before the NUL
 * that ends the request's answer: once the gate has read an answer's NUL, the report of that request,
 * if any, is in the pipe, and so may be reports of requests the tagger has read since. The gate looks
 * after every answer and puts each reported word down to the first unanswered request that holds it.
 * A request that no reported word is put down to was tagged by an unchanged tagger. When the request
 * just answered is the one a word is put down to, its own answer is still right (a fresh run of it
 * alone makes the same change at the same word): the answer goes on, the tagger is replaced by a fresh
 * one (a few milliseconds: its model is small), and the requests after it sent to the old tagger are
 * sent again to the new one. (Replacing the tagger at the first answer after any report, whichever
 * request made it, cost each change about two restarts with 16 requests in flight: the one after the
 * first restart still made the change, on the fresh tagger.)
 *
 * <p>So the tagger streams requests like the programs around it, and only the one request in a
 * hundred that changes it costs one restart and the requests behind it a second tagging. (Feeding
 * it one request at a time and looking before the next, as the gate did first, made its round trip
 * the bound of the whole pipeline: 37% of a batch run's throughput on an idle machine.)
 */
final class TaggerGate {

    /** Taggers kept started ahead; one request in a hundred or so changes the tagger. */
    private static final int SPARES = 2;

    private final String name;
    private final ProcessBuilder builder;
    private final InputStream requests;
    private final OutputStream answers;
    private final Runnable onExit;

    /** Guards the fields below: the feeder adds requests and sends them, the drainer answers them and replaces the tagger. */
    private final Object lock = new Object();
    /** Held while requests are written to the tagger, by the feeder or, after a replacement, the resender. */
    private final Object sending = new Object();
    /** Every request the gate has read and the tagger has not answered yet, oldest first, each with its NUL. */
    private final List<byte[]> unanswered = new ArrayList<>();
    /** How many of {@link #unanswered} were sent to the tagger now running. */
    private int sent;
    private Process tagger;
    /**
     * Taggers started ahead, their model loaded while they wait, so that replacing one costs no
     * start-up: starting a process from the JVM takes 5 ms on an idle machine and 30 to 400 ms on a
     * busy one, and the pipeline would stand still meanwhile.
     */
    private final Deque<Process> spares = new ArrayDeque<>();
    private boolean stopped;
    private long restarts;
    /** The drainer's: the reports of the tagger now running, and the words reported by requests not answered yet. */
    private NewClassReports reports;
    private final List<String> pendingWords = new ArrayList<>();

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
        this.builder = OwnSession.builder(reporting);
        builder.environment().put("LC_ALL", "C.UTF-8");
        this.requests = requests;
        this.answers = answers;
        this.onExit = onExit;
        this.tagger = builder.start();
    }

    static TaggerGate start(String name, List<String> command, InputStream requests, OutputStream answers,
                            Runnable onExit) throws IOException {
        TaggerGate gate = new TaggerGate(name, command, requests, answers, onExit);
        gate.thread("feed", gate::feed);
        gate.thread("resend", gate::resend);
        gate.thread("drain", gate::drain);
        gate.thread("spares", gate::keepSpares);
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
        synchronized (lock) {
            return tagger;
        }
    }

    /** How many times a fresh tagger replaced one whose state a request had changed. */
    long restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** Tells the tagger and its spares to end; answers them, for whoever waits until they are gone. */
    List<Process> stop() {
        synchronized (lock) {
            stopped = true;
            List<Process> told = new ArrayList<>(spares);
            told.add(tagger);
            told.forEach(Process::destroy);
            spares.clear();
            lock.notifyAll();
            return told;
        }
    }

    private void thread(String role, Runnable work) {
        Thread thread = new Thread(work, "apertium-" + name + "-tagger-" + role);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Reads each request from the programs before the tagger, up to and with its NUL, and sends the
     * tagger the requests of each read itself: handing them to another thread cost a wake-up a request.
     */
    private void feed() {
        try (InputStream in = requests) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == 0) {
                        request.write(chunk, from, i + 1 - from);
                        from = i + 1;
                        synchronized (lock) {
                            unanswered.add(request.toByteArray());
                        }
                        request.reset();
                    }
                }
                request.write(chunk, from, read - from);
                sendUnsent();
            }
        } catch (IOException e) {
            // A program before the tagger exited.
        } finally {
            stop();
        }
    }

    /**
     * Sends again, on a thread of its own, the requests a replaced tagger had not answered: the drainer
     * must not write them itself, since a fresh tagger that fills its output pipe would wait for the
     * drainer while the drainer waited for it to read.
     */
    private void resend() {
        while (true) {
            synchronized (lock) {
                while (!stopped && sent == unanswered.size()) {
                    waitForChange();
                }
                if (stopped) {
                    return;
                }
            }
            sendUnsent();
        }
    }

    /**
     * Sends the tagger now running every request it has not been sent, in order, flushed once at the
     * end. One thread at a time sends, so that requests go in order whichever thread sends them. A
     * write to a tagger the drainer has just replaced may fail or go nowhere: the request is sent again
     * to the new one.
     */
    private void sendUnsent() {
        synchronized (sending) {
            while (true) {
                byte[] request;
                Process to;
                synchronized (lock) {
                    if (stopped || sent == unanswered.size()) {
                        return;
                    }
                    request = unanswered.get(sent++);
                    to = tagger;
                }
                try {
                    OutputStream input = to.getOutputStream();
                    input.write(request);
                    if (nothingMoreToSend(to)) {
                        input.flush();
                    }
                } catch (IOException e) {
                    synchronized (lock) {
                        if (to == tagger) {
                            stopped = true;
                            lock.notifyAll();
                            return;
                        }
                    }
                }
            }
        }
    }

    private boolean nothingMoreToSend(Process to) {
        synchronized (lock) {
            return sent == unanswered.size() || to != tagger;
        }
    }

    private void waitForChange() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /**
     * Passes each answer of the tagger to the programs after it, and after each one looks at what the
     * tagger reported: on a change, starts a fresh tagger and has the requests after this one sent to it.
     */
    private void drain() {
        byte[] chunk = new byte[64 * 1024];
        try {
            Process from = tagger();
            reports = new NewClassReports(from.getErrorStream());
            InputStream output = from.getInputStream();
            int read;
            reading:
            while ((read = output.read(chunk)) >= 0) {
                // Every answer whose NUL was just read had its reports written before it: one look serves them all.
                pendingWords.addAll(reports.words());
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != 0) {
                        continue;
                    }
                    answers.write(chunk, start, i + 1 - start);
                    start = i + 1;
                    Process fresh = changedByThisRequest() ? freshTagger() : null;
                    synchronized (lock) {
                        if (stopped) {
                            if (fresh != null) {
                                fresh.destroy();
                            }
                            break reading;
                        }
                        unanswered.remove(0);
                        sent--;
                        if (fresh != null) {
                            pendingWords.clear();
                            reports = new NewClassReports(fresh.getErrorStream());
                            tagger.destroy();
                            tagger = fresh;
                            sent = 0;
                            restarts++;
                            lock.notifyAll();
                        }
                    }
                    if (fresh != null) {
                        // What the old tagger answered after this is dropped: the fresh one answers it again.
                        answers.flush();
                        from = fresh;
                        output = fresh.getInputStream();
                        continue reading;
                    }
                }
                answers.write(chunk, start, read - start);
                answers.flush();
            }
        } catch (IOException e) {
            // The programs after the tagger exited, or the tagger did.
        } finally {
            stop();
            try {
                answers.close();
            } catch (IOException e) {
                // Already closed by the program's exit.
            }
            onExit.run();
        }
    }

    /** A spare tagger, or one started now if none is ready: more requests changed the tagger in a row than there are spares. */
    private Process freshTagger() throws IOException {
        Process spare;
        synchronized (lock) {
            spare = spares.poll();
            lock.notifyAll();
        }
        return spare != null ? spare : builder.start();
    }

    /** Keeps {@value #SPARES} taggers started ahead, on a thread of its own. */
    private void keepSpares() {
        try {
            while (true) {
                synchronized (lock) {
                    while (!stopped && spares.size() >= SPARES) {
                        waitForChange();
                    }
                    if (stopped) {
                        return;
                    }
                }
                Process started = builder.start();
                synchronized (lock) {
                    if (stopped) {
                        started.destroy();
                        return;
                    }
                    spares.add(started);
                }
            }
        } catch (IOException e) {
            // Taggers are then started when needed; if they cannot be, the drainer stops the pipeline.
        }
    }

    /**
     * Whether the request just answered changed the tagger: whether it holds a word reported since the
     * last restart. A reported word that no request sent to this tagger holds (spelled otherwise in the
     * report than in the stream) is put down to this request: one restart too many is safe, one too few
     * is not. Otherwise a word goes to the first unanswered request that holds it, which is the one that
     * made the report or one before it, so the tagger is never replaced later than it must be.
     */
    private boolean changedByThisRequest() {
        if (pendingWords.isEmpty()) {
            return false;
        }
        synchronized (lock) {
            List<String> waiting = unanswered.subList(0, Math.max(1, Math.min(sent, unanswered.size()))).stream()
                    .map(request -> new String(request, StandardCharsets.UTF_8)).toList();
            for (String word : pendingWords) {
                String asTagged = "^" + word + "/";
                if (waiting.get(0).contains(asTagged) || waiting.stream().noneMatch(request -> request.contains(asTagged))) {
                    return true;
                }
            }
            return false;
        }
    }
}
