package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Tables that pass through AWS's CREATING and DELETING states, when the edge is asked to keep them
 * (an hour here, so that nothing depends on timing; a restart ends every window).
 */
class TableStatusWindowTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    @Test
    void aTableBeingCreatedTakesNoItemsAndCannotBeDeletedYet() {
        try (RunningEdge edge = new RunningEdge(dataDir, AN_HOUR)) {
            DynamoDbClient dynamo = edge.client();

            assertThat(dynamo.createTable(TablesTest.table("Things", false)).tableDescription().tableStatus())
                    .isEqualTo(TableStatus.CREATING);
            assertThat(dynamo.describeTable(r -> r.tableName("Things")).table().tableStatus()).isEqualTo(TableStatus.CREATING);

            DynamoDbException put = failure(() -> dynamo.putItem(r -> r.tableName("Things").item(Map.of("id", s("1")))));
            assertThat(put.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(message(put)).isEqualTo("Requested resource not found");
            DynamoDbException delete = failure(() -> dynamo.deleteTable(r -> r.tableName("Things")));
            assertThat(delete.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
            assertThat(message(delete)).isEqualTo(
                    "Attempt to change a resource which is still in use: Table is being created: Things");
        }
    }

    @Test
    void aDeletedTableIsDescribedAsDeletingAndItsNameIsNotFreeYet() {
        try (RunningEdge edge = new RunningEdge(dataDir, AN_HOUR)) {
            edge.client().createTable(TablesTest.table("Things", false));
            edge.restart();
            DynamoDbClient dynamo = edge.client();
            assertThat(dynamo.describeTable(r -> r.tableName("Things")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);

            assertThat(dynamo.deleteTable(r -> r.tableName("Things")).tableDescription().tableStatus())
                    .isEqualTo(TableStatus.DELETING);

            assertThat(dynamo.describeTable(r -> r.tableName("Things")).table().tableStatus()).isEqualTo(TableStatus.DELETING);
            assertThat(failure(() -> dynamo.getItem(r -> r.tableName("Things").key(Map.of("id", s("1")))))
                    .awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(failure(() -> dynamo.createTable(TablesTest.table("Things", false))).awsErrorDetails().errorCode())
                    .isEqualTo("ResourceInUseException");
        }
    }
}
