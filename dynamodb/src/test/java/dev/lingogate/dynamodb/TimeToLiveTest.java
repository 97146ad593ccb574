package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TimeToLiveTest {

    @TempDir
    Path dataDir;

    private static void enable(DynamoDbClient dynamo, String table, String attribute) {
        dynamo.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", s(id));
    }

    /** Waits for the background sweep to delete an item; the sweep runs every 200 ms, so 20 s means it never will. */
    private static boolean sweptAway(DynamoDbClient dynamo, String table, String id) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < giveUp) {
            if (!dynamo.getItem(r -> r.tableName(table).key(key(id))).hasItem()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void anItemWhoseTimeToLivePassesIsDeletedWithItsIndexEntryAndOthersStay() throws Exception {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = edge.client();
            dynamo.createTable(TablesTest.table("Sessions", false).toBuilder()
                    .attributeDefinitions(IndexesTest.defined("id", ScalarAttributeType.S), IndexesTest.defined("user", ScalarAttributeType.S))
                    .globalSecondaryIndexes(IndexesTest.global("byUser", Projection.builder().projectionType(ProjectionType.ALL).build(),
                            IndexesTest.hash("user")))
                    .build());
            enable(dynamo, "Sessions", "expires");
            long now = Instant.now().getEpochSecond();
            dynamo.putItem(r -> r.tableName("Sessions").item(Map.of("id", s("soon"), "user", s("u"), "expires", n(Long.toString(now + 1)))));
            dynamo.putItem(r -> r.tableName("Sessions").item(Map.of("id", s("past"), "user", s("u"), "expires", n(Long.toString(now - 60)))));
            dynamo.putItem(r -> r.tableName("Sessions").item(Map.of("id", s("forever"), "user", s("u"))));
            dynamo.putItem(r -> r.tableName("Sessions").item(Map.of("id", s("text"), "user", s("u"), "expires", s(Long.toString(now - 60)))));
            long sixYearsAgo = now - Duration.ofDays(6 * 365).toSeconds();
            dynamo.putItem(r -> r.tableName("Sessions").item(Map.of("id", s("ancient"), "user", s("u"),
                    "expires", n(Long.toString(sixYearsAgo)))));

            assertThat(sweptAway(dynamo, "Sessions", "past")).isTrue();
            assertThat(sweptAway(dynamo, "Sessions", "soon")).isTrue();

            assertThat(dynamo.scan(r -> r.tableName("Sessions")).items()).extracting(item -> item.get("id").s())
                    .containsExactlyInAnyOrder("forever", "text", "ancient");
            assertThat(dynamo.query(r -> r.tableName("Sessions").indexName("byUser").keyConditionExpression("#u = :u")
                    .expressionAttributeNames(Map.of("#u", "user")).expressionAttributeValues(Map.of(":u", s("u")))).count())
                    .isEqualTo(3);
            assertThat(dynamo.describeTable(r -> r.tableName("Sessions")).table().itemCount()).isEqualTo(3);
        }
    }

    @Test
    void timeToLiveIsDescribedAndSurvivesARestart() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            edge.client().createTable(TablesTest.table("Kept", false));
            TimeToLiveDescription before = edge.client().describeTimeToLive(r -> r.tableName("Kept")).timeToLiveDescription();
            assertThat(before.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
            assertThat(before.attributeName()).isNull();

            var answer = edge.client().updateTimeToLive(r -> r.tableName("Kept")
                    .timeToLiveSpecification(t -> t.attributeName("ttl").enabled(true))).timeToLiveSpecification();
            assertThat(answer.attributeName()).isEqualTo("ttl");
            assertThat(answer.enabled()).isTrue();

            edge.restart();

            TimeToLiveDescription after = edge.client().describeTimeToLive(r -> r.tableName("Kept")).timeToLiveDescription();
            assertThat(after.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(after.attributeName()).isEqualTo("ttl");
            assertThat(edge.client().describeTable(r -> r.tableName("Kept")).table().tableName()).isEqualTo("Kept");

            edge.client().updateTimeToLive(r -> r.tableName("Kept").timeToLiveSpecification(t -> t.attributeName("ttl").enabled(false)));
            assertThat(edge.client().describeTimeToLive(r -> r.tableName("Kept")).timeToLiveDescription().timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.DISABLED);
        }
    }

    @Test
    void changesToTheStateTheTableIsInAreRefusedAsAwsRefusesThem() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = edge.client();
            dynamo.createTable(TablesTest.table("Ttl", false));

            DynamoDbException alreadyDisabled = failure(() -> dynamo.updateTimeToLive(r -> r.tableName("Ttl")
                    .timeToLiveSpecification(t -> t.attributeName("ttl").enabled(false))));
            assertThat(alreadyDisabled.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(message(alreadyDisabled)).isEqualTo("TimeToLive is already disabled");

            enable(dynamo, "Ttl", "ttl");
            assertThat(message(failure(() -> enable(dynamo, "Ttl", "ttl")))).isEqualTo("TimeToLive is already enabled");
            assertThat(message(failure(() -> enable(dynamo, "Ttl", "other"))))
                    .isEqualTo("TimeToLive is active on a different AttributeName: current AttributeName is ttl");

            DynamoDbException empty = failure(() -> enable(dynamo, "Ttl", ""));
            assertThat(message(empty)).isEqualTo("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName'"
                    + " failed to satisfy constraint: Member must have length greater than or equal to 1");
            DynamoDbException noEnabled = failure(() -> dynamo.updateTimeToLive(r -> r.tableName("Ttl")
                    .timeToLiveSpecification(t -> t.attributeName("ttl"))));
            assertThat(message(noEnabled)).isEqualTo("1 validation error detected: Value null at 'timeToLiveSpecification.enabled'"
                    + " failed to satisfy constraint: Member must not be null");

            DynamoDbException unknown = failure(() -> dynamo.describeTimeToLive(r -> r.tableName("Nowhere")));
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(message(unknown)).isEqualTo("Requested resource not found: Table: Nowhere not found");
        }
    }
}
