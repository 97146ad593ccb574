package dev.lingogate.translate.apertium;

import dev.lingogate.edge.process.OwnSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One warm Apertium pipeline: the programs of a mode, started once and chained by pipes, that
 * translate request after request. Every program runs with {@code -z}, so it flushes its output
 * when it reads a NUL: a request is its text in Apertium's stream format followed by a NUL, and its
 * answer is everything the last program writes up to the next NUL.
 *
 * <p>Answers come back in the order the requests went in, so several requests may be in flight at
 * once: each waits for its answer in a queue that one reader thread serves. Each request ends with
 * a superblank of its own, {@code [lingogate:<n>]}, that every program passes through untouched:
 * an answer without it is no answer, but the NUL a program writes as it exits when another
 * program of the pipeline died, and the pipeline is broken. The reader runs on its
 * own thread because a pipe holds only a few kilobytes: writing a long text without reading at
 * the same time would block both ends.
 *
 * <p>Every answer is the one a fresh {@code apertium -u} gives for that text alone, whatever went
 * through the pipeline before: the one program that carries something from one request to the next,
 * Apertium's HMM tagger, runs behind a {@link TaggerGate} that starts it afresh when a request changed it.
 */
public final class ApertiumPipeline implements AutoCloseable {

    /** How long a program told to end (SIGTERM) may take before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(1);

    private final String name;
    /** The programs before the tagger, then those after it: the tagger itself is the gate's. */
    private final List<Process> processes;
    /** The gate of the pipeline's HMM tagger, or null if it has none. */
    private volatile TaggerGate gate;
    /** Where the tagger stands among the programs, for {@link #processes()}. */
    private final int taggerAt;
    private final OutputStream input;
    private final Queue<Request> waiting = new ArrayDeque<>();
    private long sent;
    private boolean broken;

    private record Request(String marker, CompletableFuture<String> answer) {
    }

    private ApertiumPipeline(String name, List<Process> processes, int taggerAt) {
        this.name = name;
        this.processes = processes;
        this.taggerAt = taggerAt;
        this.input = processes.get(0).getOutputStream();
        Thread reader = new Thread(() -> readAnswers(processes.get(processes.size() - 1).getInputStream()),
                "apertium-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the programs of one pipeline. They load their dictionaries in the background: the
     * first request waits for that, the following ones do not.
     *
     * @param programs each program's command line, as {@link ApertiumMode#pipeline()} gives them
     */
    public static ApertiumPipeline start(String name, List<List<String>> programs) throws IOException {
        int taggerAt = 0;
        while (taggerAt < programs.size() && !TaggerGate.isHmmTagger(programs.get(taggerAt))) {
            taggerAt++;
        }
        if (taggerAt == programs.size() || taggerAt == 0 || taggerAt == programs.size() - 1) {
            return new ApertiumPipeline(name, startChained(programs), -1);
        }
        List<Process> before = startChained(programs.subList(0, taggerAt));
        List<Process> after = startChained(programs.subList(taggerAt + 1, programs.size()));
        List<Process> processes = new ArrayList<>(before);
        processes.addAll(after);
        ApertiumPipeline pipeline = new ApertiumPipeline(name, processes, before.size());
        try {
            pipeline.gate = TaggerGate.start(name, programs.get(taggerAt),
                    before.get(before.size() - 1).getInputStream(), after.get(0).getOutputStream(),
                    () -> pipeline.breakDown("the tagger of the " + name + " pipeline or a program around it exited"));
        } catch (IOException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private static List<Process> startChained(List<List<String>> programs) throws IOException {
        List<ProcessBuilder> builders = new ArrayList<>();
        for (List<String> program : programs) {
            ProcessBuilder builder = OwnSession.builder(program).redirectError(ProcessBuilder.Redirect.DISCARD);
            // Apertium's programs read and write UTF-8 only under a UTF-8 locale; apertium(1) sets one too.
            builder.environment().put("LC_ALL", "C.UTF-8");
            builders.add(builder);
        }
        return ProcessBuilder.startPipeline(builders);
    }

    /**
     * Sends one text in Apertium's stream format, as a {@link TextFormat} deformats it; the answer
     * completes with the pipeline's output stream, or fails with a {@link PipelineFailure} if the
     * pipeline breaks before answering. Formatting happens on the caller's thread, so the one
     * reader thread of the pipeline does nothing but split answers.
     */
    public CompletableFuture<String> translate(String stream) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        synchronized (input) {
            String marker = "[lingogate:" + sent++ + "]";
            synchronized (waiting) {
                if (broken) {
                    answer.completeExceptionally(new PipelineFailure("the " + name + " pipeline is broken"));
                    return answer;
                }
                waiting.add(new Request(marker, answer));
            }
            try {
                input.write((stream + marker + '\0').getBytes(StandardCharsets.UTF_8));
                input.flush();
            } catch (IOException e) {
                breakDown("the " + name + " pipeline no longer reads its input (" + e.getMessage() + ")");
            }
        }
        return answer;
    }

    /**
     * The memory the pipeline's programs hold now: the sum of their resident set sizes, read from
     * {@code /proc/<pid>/status}. Zero where there is no {@code /proc}.
     */
    public long residentBytes() {
        long total = 0;
        for (ProcessHandle process : processes()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // A program that just exited holds nothing; its pipeline is about to break anyway.
            }
        }
        return total;
    }

    /** How many requests were sent into the pipeline since it started. */
    public long sentCount() {
        synchronized (input) {
            return sent;
        }
    }

    /** How many requests wait for their answer. */
    public int inFlight() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    public boolean isBroken() {
        synchronized (waiting) {
            return broken;
        }
    }

    /** The operating-system processes of the pipeline, first program first. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> handles = new ArrayList<>(processes.stream().map(Process::toHandle).toList());
        if (gate != null) {
            handles.add(taggerAt, gate.tagger().toHandle());
        }
        return handles;
    }

    /** How many times the pipeline's tagger was started afresh because a request had changed it. */
    public long taggerRestarts() {
        return gate == null ? 0 : gate.restarts();
    }

    /**
     * Stops every program of the pipeline and returns once they are gone, so that a stopped service
     * leaves no process behind; requests still waiting fail. Apertium's programs end within
     * milliseconds of SIGTERM; one that has not ended {@link #STOP_GRACE} later is killed.
     */
    @Override
    public void close() {
        List<Process> stopping = breakDown("the " + name + " pipeline was closed");
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            for (Process program : stopping) {
                if (!program.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    program.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAnswers(InputStream output) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = output) {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != 0) {
                        continue;
                    }
                    answer.write(chunk, start, i - start);
                    start = i + 1;
                    if (!answerNext(answer.toString(StandardCharsets.UTF_8))) {
                        breakDown("a program of the " + name + " pipeline exited");
                        return;
                    }
                    answer.reset();
                }
                answer.write(chunk, start, read - start);
            }
            breakDown("a program of the " + name + " pipeline exited");
        } catch (IOException e) {
            breakDown("the " + name + " pipeline's output failed (" + e.getMessage() + ")");
        }
    }

    /** Completes the oldest waiting request with its answer, unless the stream is not that request's answer. */
    private boolean answerNext(String stream) {
        Request next;
        synchronized (waiting) {
            next = waiting.peek();
            if (next == null || !stream.endsWith(next.marker())) {
                return false;
            }
            waiting.remove();
        }
        next.answer().complete(stream.substring(0, stream.length() - next.marker().length()));
        return true;
    }

    /** Fails the requests waiting and tells every program to end; answers the programs told. */
    private List<Process> breakDown(String reason) {
        List<Request> failed;
        synchronized (waiting) {
            broken = true;
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        failed.forEach(request -> request.answer().completeExceptionally(new PipelineFailure(reason)));
        List<Process> told = new ArrayList<>(processes);
        told.forEach(Process::destroy);
        if (gate != null) {
            told.addAll(gate.stop());
        }
        return told;
    }
}
