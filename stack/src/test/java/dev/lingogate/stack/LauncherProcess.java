package dev.lingogate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lingogate.edge.process.OwnSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packaged launcher, {@code java -jar target/lingogate.jar up}, run as a person's shell runs it:
 * a process of its own, in a process group of its own (as a terminal's job is), printing to us.
 *
 * <p>Every process the launcher starts is remembered as soon as it is seen, by a watcher that looks
 * at the launcher's descendants every 50 ms while it runs: the processes of a launcher that died are
 * no longer its descendants, and a test must still find them to check they ended, and end them when
 * they did not.
 */
final class LauncherProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/lingogate.jar");

    private final Process launcher;
    private final int port;
    private final int edgePort;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final Set<ProcessHandle> started = new LinkedHashSet<>();

    private LauncherProcess(Process launcher, int port, int edgePort) {
        this.launcher = launcher;
        this.port = port;
        this.edgePort = edgePort;
        daemon("launcher-output", this::readOutput);
        daemon("launcher-family", this::watchFamily);
    }

    /** Starts {@code up} on free ports with its data in {@code data}; the template and page are the repository's. */
    static LauncherProcess start(Path data) throws IOException {
        assumeTrue(Files.isRegularFile(JAR), "run with mvn verify: the launcher jar is built in the package phase");
        int port = freePort();
        int edgePort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The launcher leads a session, and so a process group, of its own: a signal sent to that group
        // reaches what a terminal's Ctrl-C reaches, and nothing of the test's.
        Process launcher = OwnSession.builder(java, "-jar", JAR.toString(), "up",
                        "--port", String.valueOf(port), "--edge-port", String.valueOf(edgePort),
                        "--metrics-port", String.valueOf(freePort()), "--data-dir", data.toString(),
                        "--template", "../template.yaml", "--web-root", "../app/web")
                .redirectErrorStream(true).start();
        return new LauncherProcess(launcher, port, edgePort);
    }

    int port() {
        return port;
    }

    int edgePort() {
        return edgePort;
    }

    Process process() {
        return launcher;
    }

    /** Waits until the launcher prints a line holding {@code wanted}; fails with everything it printed meanwhile. */
    void awaitLine(String wanted, Duration limit) throws InterruptedException {
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

    /** The launcher and every process it started so far, alive or not. */
    List<ProcessHandle> family() {
        List<ProcessHandle> family = new ArrayList<>(List.of(launcher.toHandle()));
        synchronized (started) {
            launcher.descendants().forEach(started::add);
            family.addAll(started);
        }
        return family;
    }

    /**
     * The processes the launcher started that still run. A zombie has ended: once the launcher is
     * gone, its children's exit statuses wait for init to collect them, which here takes a second or
     * more, and {@link ProcessHandle#isAlive} counts them alive until then.
     */
    List<ProcessHandle> startedRunning() {
        return family().stream().skip(1).filter(LauncherProcess::isRunning).toList();
    }

    /** Sends {@code signal} (INT, TERM, ...) to the launcher's whole process group, as a terminal does. */
    void signalGroup(String signal) throws IOException, InterruptedException {
        family(); // remembers who was there to receive it
        Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + launcher.pid()).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kill.waitFor()).as("kill -%s -- -%d: %s", signal, launcher.pid(), said).isZero();
    }

    /** Ends whatever the test left running, the launcher and everything it started, so that a failed test leaves nothing behind. */
    @Override
    public void close() {
        for (ProcessHandle process : family()) {
            process.destroyForcibly();
        }
    }

    private static boolean isRunning(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The state follows the command, which is in parentheses.
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        }
    }

    private void watchFamily() {
        try {
            while (!launcher.waitFor(50, TimeUnit.MILLISECONDS)) {
                family();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
