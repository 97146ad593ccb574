package dev.lingogate.stack.wiring;

import dev.lingogate.gateway.http.NetworkTransport;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.translate.TranslateOptions;
import java.nio.file.Path;

/**
 * How to run the whole stack on this machine.
 *
 * @param metricsPort      the gateway's Prometheus endpoint on 127.0.0.1 (0 for any free port)
 * @param webRoot          the web page's files, served by the gateway at /
 * @param adminKey         the key pair people and the AWS CLI sign with
 * @param runtimeClientDir the jars of the Lambda runtime interface client, put on every function's classpath
 * @param translation      the translation engine's settings (cache, remote engines); its data
 *                         directory is put under {@code dataDir}
 * @param environmentsPerFunction the most JVMs a function without reserved concurrency runs at once
 * @param transport        the kernel interface every service's event loops use
 */
public record StackOptions(Path templateFile, Path dataDir, String host, int gatewayPort, int edgePort, int metricsPort,
        Path webRoot, AccessKey adminKey, Path runtimeClientDir, String region, TranslateOptions translation,
        int environmentsPerFunction, NetworkTransport transport) {

    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "lingogate";
    /** Documented in the README: the local admin key pair, for people and the AWS CLI. */
    public static final AccessKey DEFAULT_ADMIN_KEY = new AccessKey("lingogate", "lingogate");

    /** Where {@code lingogate api-keys} and the gateway keep the API keys, under the data directory. */
    public static Path apiKeyDirectory(Path dataDir) {
        return dataDir.resolve("gateway");
    }
}
