package dev.lingogate.stack;

import dev.lingogate.gateway.http.NetworkTransport;
import dev.lingogate.stack.template.TemplateException;
import dev.lingogate.stack.wiring.LocalStack;
import dev.lingogate.stack.wiring.StackOptions;
import dev.lingogate.translate.TranslateOptions;
import dev.lingogate.translate.remote.RemoteEngine;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lingogate up}: the whole service, from template.yaml, until Ctrl-C or SIGTERM. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the edge, the function host and the gateway from template.yaml, and serve the web page.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "3000", description = "Gateway (API and web page) port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--edge-port", defaultValue = "4566", description = "AWS edge port. Default: ${DEFAULT-VALUE}")
    int edgePort;

    @Option(names = "--metrics-port", defaultValue = "3001",
            description = "Gateway metrics for Prometheus, on 127.0.0.1 only. Default: ${DEFAULT-VALUE}")
    int metricsPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--data-dir", defaultValue = "data", description = "Where tables and logs are kept. Default: ${DEFAULT-VALUE}")
    Path dataDir;

    @Option(names = "--template", defaultValue = "template.yaml", description = "The SAM template. Default: ${DEFAULT-VALUE}")
    Path template;

    @Option(names = "--web-root", defaultValue = "app/web", description = "The web page's files. Default: ${DEFAULT-VALUE}")
    Path webRoot;

    @Option(names = "--region", defaultValue = "us-east-1", description = "The region the edge answers for. Default: ${DEFAULT-VALUE}")
    String region;

    @Option(names = "--no-translation-cache", negatable = true, defaultValue = "true",
            description = "Keep finished translations in memory and answer them again (default), or not.")
    boolean translationCache;

    @Option(names = "--remote-engine", paramLabel = "ENGINE",
            description = "A translation engine for pairs Apertium lacks, tried in the order given (repeatable): "
                    + "<amazon|deepl|libretranslate>=<url>[;pairs=en-de,en-ja][;key-env=VARIABLE][;timeout=10s][;attempts=3]")
    List<String> remoteEngines = List.of();

    @Option(names = "--pipelines-per-pair", paramLabel = "N",
            description = "Warm Apertium pipelines per translation direction, each a dozen processes. Default: one per core")
    Integer pipelinesPerPair;

    @Option(names = "--environments-per-function", defaultValue = "4",
            description = "The most JVMs a function without ReservedConcurrentExecutions runs at once. Default: ${DEFAULT-VALUE}")
    int environmentsPerFunction;

    @Option(names = "--network-transport", defaultValue = "auto", paramLabel = "auto|io_uring|epoll|nio",
            description = "The kernel interface of the event loops; auto takes io_uring, else epoll, else Java NIO. Default: ${DEFAULT-VALUE}")
    String networkTransport;

    @Override
    public Integer call() throws InterruptedException {
        long started = System.nanoTime();
        TranslateOptions translation;
        NetworkTransport transport;
        try {
            translation = translateOptions();
            transport = transport();
        } catch (IllegalArgumentException e) {
            System.err.println("lingogate: " + e.getMessage());
            return 2;
        }
        StackOptions options = new StackOptions(template, dataDir.toAbsolutePath(), host, port, edgePort, metricsPort,
                webRoot.toAbsolutePath(), StackOptions.DEFAULT_ADMIN_KEY, runtimeClientDir(), region, translation,
                environmentsPerFunction, transport);
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (TemplateException e) {
            System.err.println("lingogate: template.yaml: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("lingogate: could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long stopping = System.nanoTime();
            System.out.println("Lingogate is stopping...");
            stack.close();
            System.out.printf("Lingogate stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
            stopped.countDown();
        }, "lingogate-shutdown"));
        System.out.printf("Lingogate is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.printf("  web page and API  http://%s:%d/%n", host, stack.gatewayPort());
        System.out.printf("  AWS edge          http://%s:%d  (access key %s, secret %s)%n", host, stack.edgePort(),
                StackOptions.DEFAULT_ADMIN_KEY.id(), StackOptions.DEFAULT_ADMIN_KEY.secret());
        System.out.printf("  metrics           http://127.0.0.1:%d/metrics%n", stack.metricsPort());
        System.out.printf("  data              %s  (access log in logs/access.log)%n", options.dataDir());
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
        return 0;
    }

    /** @throws IllegalArgumentException naming the option in error and what is wrong with it */
    TranslateOptions translateOptions() {
        List<RemoteEngine> engines;
        try {
            engines = remoteEngines.stream().map(RemoteEngine::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--remote-engine: " + e.getMessage(), e);
        }
        TranslateOptions options = TranslateOptions.defaults().withRemoteEngines(engines);
        if (pipelinesPerPair != null) {
            if (pipelinesPerPair < 1) {
                throw new IllegalArgumentException("--pipelines-per-pair must be at least 1, not " + pipelinesPerPair);
            }
            options = options.withPipelinesPerPair(pipelinesPerPair);
        }
        return translationCache ? options : options.withoutCache();
    }

    /** @throws IllegalArgumentException naming the option, for an unknown or unavailable transport */
    NetworkTransport transport() {
        try {
            return NetworkTransport.named(networkTransport);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--network-transport: " + e.getMessage(), e);
        }
    }

    /** The runtime interface client's jars are packaged next to the launcher jar. */
    private static Path runtimeClientDir() {
        String configured = System.getProperty("lingogate.runtimeClientDir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(UpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("runtime-client");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the launcher jar", e);
        }
    }
}
