package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, run as a person runs it: `lingogate up` in its own process, used over
 * HTTP and by the Debian AWS CLI, then stopped with SIGTERM, leaving no process behind.
 */
class LauncherIT {

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path data;

    @Test
    void upServesThePageAndTheEdgeAndStopsEveryProcessOnSigterm() throws Exception {
        try (LauncherProcess launcher = LauncherProcess.start(data)) {
            try {
                launcher.awaitLine("Lingogate is up", Duration.ofSeconds(120));

                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port() + "/translations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Good morning.\",\"source\":\"en\",\"target\":\"ca\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

                if (Files.isExecutable(AWS_CLI)) {
                    String scanned = aws(launcher.edgePort(), "dynamodb", "scan", "--table-name", "lingogate-translations");
                    assertThat(scanned).contains("Good morning.");
                    String translated = aws(launcher.edgePort(), "translate", "translate-text", "--text", "The house is big.",
                            "--source-language-code", "en", "--target-language-code", "es");
                    assertThat(translated).contains("La casa es grande.");
                }
            } finally {
                List<ProcessHandle> family = launcher.family();
                List<String> commands = family.stream().map(process -> process.info().command().orElse("")).toList();
                launcher.process().toHandle().destroy(); // SIGTERM, leaving the output open to read what it prints as it stops
                // A hang guard, not a speed check: function JVMs writing their class data archive may take 10 s.
                assertThat(launcher.process().waitFor(30, TimeUnit.SECONDS)).as("launcher stopped on SIGTERM").isTrue();
                assertThat(launcher.process().exitValue()).as("the JVM's status for an end on SIGTERM, 128 + 15").isEqualTo(143);
                assertThat(launcher.family()).as("processes left behind").noneMatch(ProcessHandle::isAlive);
                assertThat(commands).as("the launcher, its function JVMs and Apertium programs")
                        .anyMatch(command -> command.contains("apertium"))
                        .filteredOn(command -> command.endsWith("/java")).hasSizeGreaterThan(1);
                launcher.awaitLine("Lingogate stopped in", Duration.ofSeconds(5));
                assertThat(filesLeftIn(data)).as("SQLite's log and shared memory, archives half written, locks")
                        .noneMatch(file -> file.endsWith("-wal") || file.endsWith("-shm") || file.endsWith(".part")
                                || file.endsWith(".lock"));
            }
        }
    }

    private static List<String> filesLeftIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    private static String aws(int edgePort, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(AWS_CLI.toString(), "--endpoint-url", "http://127.0.0.1:" + edgePort,
                "--output", "json"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "lingogate");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "lingogate");
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
