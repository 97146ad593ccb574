package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How `lingogate up` ends when it is not asked politely: Ctrl-C in its terminal, which signals every
 * process of the terminal's foreground group at once, and SIGKILL, which gives it no time at all.
 */
class LauncherStopIT {

    /** A page's text just under the 10,000 bytes the app translates at once, no sentence twice. */
    private static final String LONG_TEXT = longText();

    @TempDir
    Path data;

    @Test
    void ctrlCLetsTheTranslationInFlightFinishThenStopsEveryProcess() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(data)) {
            launcher.awaitLine("Lingogate is up", Duration.ofSeconds(120));
            CompletableFuture<HttpResponse<String>> created = translateLongText(launcher);
            awaitPipeline(launcher, Duration.ofSeconds(60));
            assertThat(created).as("the translation, still in flight when Ctrl-C comes").isNotDone();

            launcher.signalGroup("INT");

            HttpResponse<String> answer = created.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            assertThat(answer.body()).contains("\"target\":\"pt\"", "\"translatedText\":\"A casa");
            // A hang guard, not a speed check: function JVMs writing their class data archive may take 10 s.
            assertThat(launcher.process().waitFor(30, TimeUnit.SECONDS)).as("launcher stopped on Ctrl-C").isTrue();
            assertThat(launcher.process().exitValue()).as("the JVM's status for an end on SIGINT, 128 + 2").isEqualTo(130);
            assertThat(launcher.startedRunning()).as("processes left behind").isEmpty();
            launcher.awaitLine("Lingogate stopped in", Duration.ofSeconds(5));
        }
    }

    @Test
    void everyProcessTheLauncherStartedEndsByItselfWhenTheLauncherIsKilled() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(data)) {
            launcher.awaitLine("Lingogate is up", Duration.ofSeconds(120));
            translateLongText(launcher);
            awaitPipeline(launcher, Duration.ofSeconds(60));
            List<ProcessHandle> family = launcher.family();
            assertThat(family).as("the launcher, its function JVMs and an Apertium pipeline translating")
                    .anyMatch(LauncherStopIT::isApertiumProgram)
                    .filteredOn(process -> process.info().command().orElse("").endsWith("/java")).hasSizeGreaterThan(1);

            launcher.process().toHandle().destroyForcibly();

            assertThat(launcher.process().waitFor(10, TimeUnit.SECONDS)).as("launcher killed").isTrue();
            assertThat(launcher.process().exitValue()).as("128 + SIGKILL").isEqualTo(137);
            // Hang guards, not speed checks. A function JVM finds its Runtime API gone and an Apertium
            // program the end of its input, and each ends at once; but a JVM started to write its
            // function's class data archive writes it as it ends (2-3 s of CPU each, four at once on
            // two cores), so it has the time a stop on SIGTERM gives it.
            awaitNoneAlive(launcher, Duration.ofSeconds(10));
            assertThat(commandLines(launcher.startedRunning())).as("processes left 10 s after the launcher was killed")
                    .allMatch(line -> line.contains("-XX:ArchiveClassesAtExit="));
            awaitNoneAlive(launcher, Duration.ofSeconds(20));
            assertThat(commandLines(launcher.startedRunning())).as("processes left 30 s after the launcher was killed").isEmpty();
        }
    }

    private static void awaitNoneAlive(LauncherProcess launcher, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!launcher.startedRunning().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static List<String> commandLines(List<ProcessHandle> processes) {
        return processes.stream().map(process -> process.pid() + " " + process.info().commandLine().orElse("?")).toList();
    }

    /**
     * Posts {@link #LONG_TEXT} for English to Portuguese through the page's API: two pipelines
     * (en>es>pt) that this request starts, seconds of work under way once an Apertium program runs.
     */
    private static CompletableFuture<HttpResponse<String>> translateLongText(LauncherProcess launcher) {
        return HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port() + "/translations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + LONG_TEXT + "\",\"source\":\"en\",\"target\":\"pt\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the launcher runs a whole Apertium pipeline: the tagger is the program its pipeline
     * starts last (an Apertium name alone may be {@code apertium-wblank-mode}, run once to read the mode).
     */
    private static void awaitPipeline(LauncherProcess launcher, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (launcher.startedRunning().stream().noneMatch(process -> process.info().command().orElse("").endsWith("/apertium-tagger"))) {
            assertThat(System.nanoTime()).as("an Apertium pipeline started within %s", limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static boolean isApertiumProgram(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .filter(program -> program.matches("(lt|lrx|cg)-.*|apertium.*")).isPresent();
    }

    private static String longText() {
        List<String> things = List.of("house", "garden", "river", "teacher", "city", "window", "letter", "morning", "table", "friend");
        List<String> kinds = List.of("big", "green", "old", "quiet", "beautiful", "small", "new", "cold");
        StringBuilder text = new StringBuilder();
        for (int day = 0; text.length() < 9_800; day++) {
            text.append("The ").append(things.get(day % 10)).append(" near the ").append(things.get(day * 3 % 10))
                    .append(" was ").append(kinds.get(day % 8)).append(" on day ").append(day).append(". ");
        }
        return text.toString().trim();
    }
}
