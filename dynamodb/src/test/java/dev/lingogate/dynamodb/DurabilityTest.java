package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
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
            // The SDK never sends malformed JSON, so the body goes out signed by hand.
            var signer = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create();
            var unsigned = software.amazon.awssdk.http.SdkHttpRequest.builder().method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                    .uri(URI.create(edge.endpoint() + "/")).putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                    .putHeader("Content-Type", "application/x-amz-json-1.0").build();
            byte[] body = "{\"TableName\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var signed = signer.sign(r -> r.request(unsigned)
                    .identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(RunningEdge.ACCESS_KEY, RunningEdge.SECRET_KEY))
                    .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                    .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1"));
            var request = java.net.http.HttpRequest.newBuilder(URI.create(edge.endpoint() + "/"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            signed.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            var response = HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("SerializationException");
        }
    }
}
