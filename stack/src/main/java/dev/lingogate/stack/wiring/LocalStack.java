package dev.lingogate.stack.wiring;

import dev.lingogate.dynamodb.DynamoDb;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.gateway.Gateway;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import dev.lingogate.lambda.FunctionDefinition;
import dev.lingogate.lambda.FunctionHost;
import dev.lingogate.lambda.HostOptions;
import dev.lingogate.stack.template.FunctionSpec;
import dev.lingogate.stack.template.Template;
import dev.lingogate.stack.template.TemplateReader;
import dev.lingogate.translate.TranslationEngine;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Lingogate on one machine, wired from template.yaml: the AWS edge (DynamoDB,
 * Translate, Comprehend, Lambda Invoke) behind IAM, the function host, and the gateway in front.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    /** AWS deletes expired items within days; locally a few seconds is what a developer expects to see. */
    private static final Duration TTL_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private EdgeServer edge;
    private Gateway gateway;

    private LocalStack(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts every service and returns once the gateway answers; fails with what could not start. */
    public static LocalStack start(StackOptions options) {
        Template template = new TemplateReader(StackOptions.STACK_NAME, options.region(), StackOptions.ACCOUNT_ID)
                .read(options.templateFile());
        LocalStack stack = new LocalStack(options.transport().vertx(new VertxOptions().setWorkerPoolSize(64)));
        LOG.info("event loops on {}", options.transport());
        try {
            stack.run(template, options);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void run(Template template, StackOptions options) {
        GatewayConfiguration api = GatewayConfiguration.of(template, options);
        createDirectories(options.dataDir());
        KeyRing keyRing = new KeyRing();
        Principal admin = new Principal("arn:aws:iam::" + StackOptions.ACCOUNT_ID + ":user/admin", Policy.ALLOW_ALL);
        keyRing.add(options.adminKey(), admin);

        DynamoDb dynamoDb = DynamoDb.open(options.dataDir().resolve("dynamodb"), options.region(), StackOptions.ACCOUNT_ID);
        toClose.add(dynamoDb);
        dynamoDb.sweepExpiredItems(vertx, TTL_SWEEP_INTERVAL);
        TranslationEngine translation = TranslationEngine.start(
                options.translation().withDataDir(options.dataDir().resolve("translate")));
        toClose.add(translation);
        translation.missingPrerequisites().forEach(missing -> LOG.warn("translation: {}", missing));
        if (translation.pairs().isEmpty()) {
            throw new IllegalStateException("no Apertium language pair can be served: "
                    + String.join("; ", translation.missingPrerequisites()));
        }
        // Functions learn the edge's address when they start, so a port left to the system is chosen now.
        int edgePort = options.edgePort() == 0 ? FreePort.pick(options.host()) : options.edgePort();
        String edgeUrl = "http://" + options.host() + ":" + edgePort;
        FunctionHost host = new FunctionHost(vertx, new HostOptions(options.dataDir(), edgeUrl, options.region(),
                options.environmentsPerFunction(), javaExecutable(), options.runtimeClientDir(), Duration.ofSeconds(1)));
        toClose.add(host);

        List<AwsService> services = new ArrayList<>();
        services.add(dynamoDb.service());
        services.addAll(translation.services());
        services.add(host.invokeApi());
        edge = new EdgeServer(vertx, new EdgeOptions(options.host(), edgePort, 16 * 1024 * 1024),
                new SigV4Verifier(keyRing, Clock.systemUTC()), services);
        edge.start().await();
        TemplateTables.create(template.tables(), dynamoDb.service(), admin);

        FunctionRoles roles = new FunctionRoles(keyRing, StackOptions.ACCOUNT_ID);
        List<CompletableFuture<Void>> warming = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            AccessKey key = roles.grant(function);
            host.register(new FunctionDefinition(function.functionName(), function.handler(), function.runtime(),
                    List.of(CodeArtifact.of(template.folder(), function)), function.memoryMb(), function.timeoutSeconds(),
                    function.environment(), key, roles.roleArn(function))
                    .withReservedConcurrency(function.reservedConcurrency())
                    .withProvisionedConcurrency(function.provisionedConcurrency()));
            // Started now, so that the first person's request finds a warm environment.
            warming.add(host.prewarm(function.functionName()).toCompletableFuture()
                    .exceptionally(e -> {
                        LOG.warn("{} failed to initialise: {}", function.functionName(), e.getMessage());
                        return null;
                    }));
        }
        toClose.add(AccessLogFile.open(options.dataDir()));
        gateway = new Gateway(vertx, api.options(), api.routes(), api.settings(), new HostInvoker(host));
        gateway.start().await();
        CompletableFuture.allOf(warming.toArray(CompletableFuture[]::new)).join();
    }

    public int gatewayPort() {
        return gateway.port();
    }

    public int metricsPort() {
        return gateway.adminPort();
    }

    public int edgePort() {
        return edge.port();
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.stop().await();
        }
        if (edge != null) {
            edge.stop().await();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", toClose.get(i), e);
            }
        }
        vertx.close().await();
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
    }
}
