package dev.lingogate.dynamodb;

import dev.lingogate.edge.EdgeOptions;
import dev.lingogate.edge.EdgeServer;
import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.iam.sigv4.SigV4Verifier;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The edge serving DynamoDB alone, in a JVM of its own: what the kill -9 tests kill, and what the
 * DynamoDB benchmark measures. Signed by {@link RunningEdge#ACCESS_KEY} and its secret.
 *
 * <pre>java -cp ... dev.lingogate.dynamodb.StandaloneEdge DATA_DIR PORT [PORT_FILE]</pre>
 *
 * PORT 0 takes an ephemeral port; the port listened on is then written to PORT_FILE, whole (written
 * beside it and moved into place), once the edge answers. With {@code -Dlingogate.tableStatusWindow=PT0.5S}
 * tables stay CREATING and DELETING that long, as on AWS (dynalite's suite waits for them).
 */
public final class StandaloneEdge {

    private StandaloneEdge() {
    }

    /**
     * The event loops' transport {@code lingogate up} takes (the gateway's NetworkTransport, which this
     * module cannot depend on): io_uring, else epoll, else NIO; {@code -Dlingogate.transport=nio}
     * (or {@code epoll}) to compare.
     */
    private static Transport transport() {
        List<Transport> preference = switch (System.getProperty("lingogate.transport", "auto")) {
            case "nio" -> List.of(Transport.NIO);
            case "epoll" -> List.of(Transport.EPOLL, Transport.NIO);
            default -> List.of(Transport.IO_URING, Transport.EPOLL, Transport.NIO);
        };
        return preference.stream().filter(Transport::available).findFirst().orElse(Transport.NIO);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: StandaloneEdge DATA_DIR PORT [PORT_FILE]");
            System.exit(2);
        }
        DynamoDb dynamoDb = DynamoDb.open(Path.of(args[0]), "us-east-1", "000000000000",
                Duration.parse(System.getProperty("lingogate.tableStatusWindow", "PT0S")));
        KeyRing keys = new KeyRing();
        keys.add(new AccessKey(RunningEdge.ACCESS_KEY, RunningEdge.SECRET_KEY),
                new Principal("arn:aws:iam::000000000000:user/admin", Policy.ALLOW_ALL));
        Transport transport = transport();
        Vertx vertx = Vertx.builder().withTransport(transport).build();
        EdgeServer edge = new EdgeServer(vertx, EdgeOptions.onPort(Integer.parseInt(args[1])),
                new SigV4Verifier(keys, Clock.systemUTC()), List.of(dynamoDb.service()));
        edge.start().await();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            edge.stop().await();
            dynamoDb.close();
            vertx.close().await();
        }));
        System.out.println("DynamoDB on http://127.0.0.1:" + edge.port() + " with data in " + args[0]
                + ", event loops on " + transport.name());
        if (args.length > 2) {
            Path portFile = Path.of(args[2]);
            Path partial = portFile.resolveSibling(portFile.getFileName() + ".part");
            Files.writeString(partial, Integer.toString(edge.port()));
            Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
