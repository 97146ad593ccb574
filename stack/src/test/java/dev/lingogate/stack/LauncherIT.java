package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, run as a person runs it: `lingogate up` in its own process, used over
 * HTTP and by the Debian AWS CLI, then stopped with SIGTERM, leaving no process behind.
 */
class LauncherIT {

    private static final Path JAR = Path.of("target/lingogate.jar");
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path data;

    @Test
    void upServesThePageAndTheEdgeAndStopsEveryProcessOnSigterm() throws Exception {
        int port = freePort();
        int edgePort = freePort();
        Process launcher = new ProcessBuilder(javaExecutable(), "-jar", JAR.toString(), "up",
                "--port", String.valueOf(port), "--edge-port", String.valueOf(edgePort),
                "--data-dir", data.toString(), "--template", "../template.yaml", "--web-root", "../app/web")
                .redirectErrorStream(true).start();
        BlockingQueue<String> output = drain(launcher);
        try {
            awaitLine(output, "Lingogate is up", Duration.ofSeconds(120));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/translations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Good morning.\",\"source\":\"en\",\"target\":\"ca\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            if (Files.isExecutable(AWS_CLI)) {
                String scanned = aws(edgePort, "dynamodb", "scan", "--table-name", "lingogate-translations");
                assertThat(scanned).contains("Good morning.");
                String translated = aws(edgePort, "translate", "translate-text", "--text", "The house is big.",
                        "--source-language-code", "en", "--target-language-code", "es");
                assertThat(translated).contains("La casa es grande.");
            }
        } finally {
            List<ProcessHandle> family = new ArrayList<>(launcher.descendants().toList());
            family.add(launcher.toHandle());
            List<String> commands = family.stream().map(process -> process.info().command().orElse("")).toList();
            launcher.toHandle().destroy(); // SIGTERM, leaving the output open to read what it prints as it stops
            // A hang guard, not a speed check: function JVMs writing their class data archive may take 10 s.
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("launcher stopped on SIGTERM").isTrue();
            assertThat(launcher.exitValue()).as("the JVM's status for an end on SIGTERM, 128 + 15").isEqualTo(143);
            assertThat(family).as("processes left behind").noneMatch(ProcessHandle::isAlive);
            assertThat(commands).as("the launcher, its function JVMs and Apertium programs")
                    .anyMatch(command -> command.contains("apertium"))
                    .filteredOn(command -> command.endsWith("/java")).hasSizeGreaterThan(1);
            awaitLine(output, "Lingogate stopped in", Duration.ofSeconds(5));
            assertThat(filesLeftIn(data)).as("SQLite's log and shared memory, archives half written, locks")
                    .noneMatch(file -> file.endsWith("-wal") || file.endsWith("-shm") || file.endsWith(".part")
                            || file.endsWith(".lock"));
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

    private static BlockingQueue<String> drain(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> output, String wanted, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(wanted)) {
                    return;
                }
            }
        }
        throw new AssertionError("the launcher never printed '" + wanted + "'; it printed:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        assumeTrue(Files.isRegularFile(JAR), "run with mvn verify: the launcher jar is built in the package phase");
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
