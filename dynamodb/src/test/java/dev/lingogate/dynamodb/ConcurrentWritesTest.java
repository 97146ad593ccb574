package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Sixteen SDK clients writing at once, their writes committed in groups, each write still atomic. */
class ConcurrentWritesTest {

    private static final int CLIENTS = 16;

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Counters", false));
    }

    @Test
    void sixteenClientsIncrementingOneCounterUnderAConditionCountEveryIncrementOnce() throws Exception {
        dynamo.putItem(r -> r.tableName("Counters").item(Map.of("id", s("adds"), "v", n("0"))));

        everyClient(client -> {
            for (int i = 0; i < 25; i++) {
                dynamo.updateItem(r -> r.tableName("Counters").key(Map.of("id", s("adds")))
                        .updateExpression("SET v = v + :one").conditionExpression("attribute_exists(v)")
                        .expressionAttributeValues(Map.of(":one", n("1"))));
            }
        });

        assertThat(valueOf("adds")).isEqualTo(CLIENTS * 25);
    }

    @Test
    void sixteenClientsCompareAndSwappingOneCounterLoseNoUpdateAndWinNoneTwice() throws Exception {
        dynamo.putItem(r -> r.tableName("Counters").item(Map.of("id", s("swaps"), "v", n("0"))));

        everyClient(client -> {
            for (int won = 0; won < 4; ) {
                int seen = valueOf("swaps");
                try {
                    dynamo.updateItem(r -> r.tableName("Counters").key(Map.of("id", s("swaps")))
                            .updateExpression("SET v = :next").conditionExpression("v = :seen")
                            .expressionAttributeValues(Map.of(":next", n(Integer.toString(seen + 1)),
                                    ":seen", n(Integer.toString(seen)))));
                    won++;
                } catch (ConditionalCheckFailedException lost) {
                    // another client swapped first: read again and retry
                }
            }
        });

        assertThat(valueOf("swaps")).isEqualTo(CLIENTS * 4);
    }

    private static int valueOf(String id) {
        return Integer.parseInt(dynamo.getItem(r -> r.tableName("Counters").key(Map.of("id", s(id)))
                .consistentRead(true)).item().get("v").n());
    }

    private interface ClientWork {
        void run(int client) throws Exception;
    }

    private static void everyClient(ClientWork work) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                done.add(clients.submit((Callable<Void>) () -> {
                    work.run(client);
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
