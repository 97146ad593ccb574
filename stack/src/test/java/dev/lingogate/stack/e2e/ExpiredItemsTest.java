package dev.lingogate.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lingogate.stack.wiring.StackOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The running stack sweeps items whose time to live has passed, as DynamoDB does, without being asked. */
class ExpiredItemsTest {

    @TempDir
    Path data;

    @Test
    void anItemPastItsTimeToLiveIsDeletedWhileAnotherStays() throws InterruptedException {
        try (RunningStack stack = RunningStack.start(data);
             DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.edge()).region(Region.US_EAST_1)
                     .httpClient(UrlConnectionHttpClient.create())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                             StackOptions.DEFAULT_ADMIN_KEY.id(), StackOptions.DEFAULT_ADMIN_KEY.secret())))
                     .build()) {
            String table = "lingogate-translations";
            dynamo.updateTimeToLive(r -> r.tableName(table)
                    .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
            long past = Instant.now().minusSeconds(60).getEpochSecond();
            dynamo.putItem(r -> r.tableName(table).item(Map.of("owner", s("ttl-test"), "id", s("expired"),
                    "expiresAt", AttributeValue.fromN(Long.toString(past)))));
            dynamo.putItem(r -> r.tableName(table).item(Map.of("owner", s("ttl-test"), "id", s("kept"))));

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (dynamo.getItem(r -> r.tableName(table).key(key("expired"))).hasItem() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }

            assertThat(dynamo.getItem(r -> r.tableName(table).key(key("expired"))).hasItem()).isFalse();
            assertThat(dynamo.getItem(r -> r.tableName(table).key(key("kept"))).hasItem()).isTrue();
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("owner", s("ttl-test"), "id", s(id));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
