package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.IndexesTest.defined;
import static dev.lingogate.dynamodb.IndexesTest.hash;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class UpdateTableTest {

    @TempDir
    Path dataDir;

    static GlobalSecondaryIndexUpdate createByColour() {
        return GlobalSecondaryIndexUpdate.builder().create(CreateGlobalSecondaryIndexAction.builder().indexName("byColour")
                .keySchema(hash("colour")).projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .build();
    }

    static GlobalSecondaryIndexUpdate deleteByColour() {
        return GlobalSecondaryIndexUpdate.builder().delete(DeleteGlobalSecondaryIndexAction.builder().indexName("byColour").build()).build();
    }

    static int countByColour(DynamoDbClient dynamo, String colour) {
        return dynamo.query(r -> r.tableName("Things").indexName("byColour").keyConditionExpression("colour = :c")
                .expressionAttributeValues(Map.of(":c", s(colour)))).count();
    }

    static void thing(DynamoDbClient dynamo, String id, String colour) {
        dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s(id), "colour", s(colour))));
    }

    static DynamoDbClient things(RunningEdge edge) {
        DynamoDbClient dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Things", false));
        return dynamo;
    }

    @Test
    void aNewGlobalIndexHoldsTheItemsAlreadyThereAndFollowsLaterWritesAcrossARestart() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);
            thing(dynamo, "1", "red");
            thing(dynamo, "2", "red");
            dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("colourless"))));

            TableDescription updated = dynamo.updateTable(r -> r.tableName("Things")
                    .attributeDefinitions(defined("colour", ScalarAttributeType.S)).globalSecondaryIndexUpdates(createByColour()))
                    .tableDescription();

            assertThat(updated.globalSecondaryIndexes()).singleElement().satisfies(index -> {
                assertThat(index.indexName()).isEqualTo("byColour");
                assertThat(index.itemCount()).isEqualTo(2);
            });
            assertThat(updated.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("id", "colour");
            assertThat(countByColour(dynamo, "red")).isEqualTo(2);

            edge.restart();
            thing(edge.client(), "3", "red");
            assertThat(countByColour(edge.client(), "red")).isEqualTo(3);
        }
    }

    @Test
    void writesRacingTheIndexCreationAllLandInTheIndex() throws Exception {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            thing(dynamo, writer + "-" + i, "green");
                        }
                    }));
                }
                dynamo.updateTable(r -> r.tableName("Things").attributeDefinitions(defined("colour", ScalarAttributeType.S))
                        .globalSecondaryIndexUpdates(createByColour()));
                for (Future<?> writer : done) {
                    writer.get();
                }
            } finally {
                writers.shutdown();
            }

            assertThat(countByColour(dynamo, "green")).isEqualTo(160);
        }
    }

    @Test
    void aRemovedGlobalIndexIsGoneWithItsAttributeDefinition() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);
            dynamo.updateTable(r -> r.tableName("Things").attributeDefinitions(defined("colour", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(createByColour()));
            thing(dynamo, "1", "blue");

            TableDescription updated = dynamo.updateTable(r -> r.tableName("Things").globalSecondaryIndexUpdates(deleteByColour()))
                    .tableDescription();

            assertThat(updated.hasGlobalSecondaryIndexes()).isFalse();
            assertThat(updated.attributeDefinitions()).extracting(AttributeDefinition::attributeName).containsExactly("id");
            DynamoDbException error = failure(() -> countByColour(dynamo, "blue"));
            assertThat(message(error)).isEqualTo("The table does not have the specified index: byColour");
            thing(dynamo, "2", "blue");
        }
    }

    @Test
    void anIndexThatExistsCannotBeCreatedAgainNorAMissingOneDeleted() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);
            dynamo.updateTable(r -> r.tableName("Things").attributeDefinitions(defined("colour", ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(createByColour()));

            DynamoDbException again = failure(() -> dynamo.updateTable(r -> r.tableName("Things")
                    .attributeDefinitions(defined("colour", ScalarAttributeType.S)).globalSecondaryIndexUpdates(createByColour())));
            assertThat(again.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(message(again)).isEqualTo("Attempting to create an index which already exists");

            dynamo.updateTable(r -> r.tableName("Things").globalSecondaryIndexUpdates(deleteByColour()));
            DynamoDbException missing = failure(() -> dynamo.updateTable(r -> r.tableName("Things")
                    .globalSecondaryIndexUpdates(deleteByColour())));
            assertThat(missing).isInstanceOf(ResourceNotFoundException.class);
            assertThat(message(missing)).isEqualTo("Requested resource not found: Index: byColour not found");
        }
    }

    @Test
    void anUpdateWithNothingToChangeIsRejected() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);

            DynamoDbException error = failure(() -> dynamo.updateTable(r -> r.tableName("Things")));

            assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(message(error)).isEqualTo("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
    }

    @Test
    void theBillingModeCanChange() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = things(edge);

            dynamo.updateTable(r -> r.tableName("Things").billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(7L)));
            edge.restart();

            TableDescription table = edge.client().describeTable(r -> r.tableName("Things")).table();
            assertThat(table.billingModeSummary()).isNull();
            assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
            assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        }
    }

    @Test
    void aGlobalIndexsThroughputCanChangeButNotToWhatItIs() {
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            DynamoDbClient dynamo = edge.client();
            dynamo.createTable(r -> r.tableName("Things").keySchema(hash("id"))
                    .attributeDefinitions(defined("id", ScalarAttributeType.S), defined("colour", ScalarAttributeType.S))
                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))
                    .globalSecondaryIndexes(index -> index.indexName("byColour").keySchema(hash("colour"))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))));

            dynamo.updateTable(r -> r.tableName("Things").globalSecondaryIndexUpdates(update -> update
                    .update(u -> u.indexName("byColour").provisionedThroughput(t -> t.readCapacityUnits(4L).writeCapacityUnits(3L)))));
            edge.restart();
            DynamoDbClient restarted = edge.client();

            assertThat(restarted.describeTable(r -> r.tableName("Things")).table().globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(4L));
            DynamoDbException unchanged = failure(() -> restarted.updateTable(r -> r.tableName("Things")
                    .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))));
            assertThat(message(unchanged)).isEqualTo("The provisioned throughput for the table will not change. The requested"
                    + " value equals the current value. Current ReadCapacityUnits provisioned for the table: 1. Requested"
                    + " ReadCapacityUnits: 1. Current WriteCapacityUnits provisioned for the table: 1. Requested"
                    + " WriteCapacityUnits: 1. Refer to the Amazon DynamoDB Developer Guide for current limits and how to"
                    + " request higher limits.");
        }
    }
}
