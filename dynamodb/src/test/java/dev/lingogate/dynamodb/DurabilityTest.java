package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void itemsAndTablesSurviveARestart() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            edge.client().createTable(TablesTest.table("Kept", true));
            edge.client().putItem(r -> r.tableName("Kept").item(Map.of("pk", s("a"), "sk", n("1"), "v", s("saved"))));

            edge.restart();

            assertThat(edge.client().listTables().tableNames()).containsExactly("Kept");
            assertThat(edge.client().getItem(r -> r.tableName("Kept").key(Map.of("pk", s("a"), "sk", n("1")))).item())
                    .containsEntry("v", s("saved"));
            assertThat(edge.client().describeTable(r -> r.tableName("Kept")).table().itemCount()).isEqualTo(1);
        }
    }

    @Test
    void conditionalIncrementsFromConcurrentClientsNeverLoseAnUpdate() throws Exception {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            edge.client().createTable(TablesTest.table("Counter", false));
            edge.client().putItem(r -> r.tableName("Counter").item(Map.of("id", s("c"), "v", n("0"))));
            AtomicInteger won = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                java.util.List<Future<?>> done = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    done.add(clients.submit(() -> {
                        for (int attempt = 0; attempt < 10; attempt++) {
                            String seen = edge.client().getItem(r -> r.tableName("Counter").key(Map.of("id", s("c")))).item().get("v").n();
                            try {
                                edge.client().updateItem(r -> r.tableName("Counter").key(Map.of("id", s("c")))
                                        .updateExpression("SET v = v + :one").conditionExpression("v = :seen")
                                        .expressionAttributeValues(Map.of(":one", n("1"), ":seen", n(seen))));
                                won.incrementAndGet();
                            } catch (ConditionalCheckFailedException lost) {
                                // another client updated first: exactly what the condition is for
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
            String finalValue = edge.client().getItem(r -> r.tableName("Counter").key(Map.of("id", s("c")))).item().get("v").n();
            assertThat(Integer.parseInt(finalValue)).isEqualTo(won.get()).isPositive();
        }
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            var response = edge.post("GetItem", "{\"TableName\": ");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("SerializationException");
        }
    }
}
