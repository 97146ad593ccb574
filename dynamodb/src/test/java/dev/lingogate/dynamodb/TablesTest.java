package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TablesTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
    }

    static CreateTableRequest table(String name, boolean withSortKey) {
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
        if (withSortKey) {
            request.keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build());
        } else {
            request.keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build());
        }
        return request.build();
    }

    @Test
    void createdTableIsActiveAndDescribedAsAwsDoes() {
        TableDescription created = dynamo.createTable(table("Described", true)).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.ACTIVE);

        TableDescription described = dynamo.describeTable(r -> r.tableName("Described")).table();
        assertThat(described.tableName()).isEqualTo("Described");
        assertThat(described.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Described");
        assertThat(described.tableId()).isEqualTo(created.tableId()).isNotBlank();
        assertThat(described.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(described.attributeDefinitions()).hasSize(2);
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.creationDateTime()).isNotNull();
        assertThat(described.itemCount()).isZero();
        assertThat(described.tableSizeBytes()).isZero();
    }

    @Test
    void provisionedTableReportsItsThroughput() {
        TableDescription created = dynamo.createTable(r -> r.tableName("Provisioned")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(7L))).tableDescription();
        assertThat(created.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(created.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    }

    @Test
    void provisionedTableWithoutThroughputIsRejected() {
        assertThatThrownBy(() -> dynamo.createTable(r -> r.tableName("NoThroughput")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
                        + " must both be specified when BillingMode is PROVISIONED");
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        dynamo.createTable(table("Twice", false));
        assertThatThrownBy(() -> dynamo.createTable(table("Twice", false)))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessageStartingWith("Table already exists: Twice");
    }

    @Test
    void keySchemaAttributesMustBeDefined() {
        assertThatThrownBy(() -> dynamo.createTable(r -> r.tableName("Undefined").billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("other").attributeType(ScalarAttributeType.S).build())))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Some index key attributes are not defined in"
                        + " AttributeDefinitions. Keys: [id], AttributeDefinitions: [other]");
    }

    @Test
    void tooShortTableNameOfAControlOperationIsTheOneErrorReported() {
        assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("ab")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("TableName must be at least 3 characters long and at most 255 characters long");
    }

    @Test
    void tooShortTableNameOfAnItemOperationIsListedWithTheOtherViolations() {
        assertThatThrownBy(() -> dynamo.getItem(r -> r.tableName("ab")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy constraint:"
                        + " Member must have length greater than or equal to 3; Value null at 'key' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void describingAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("Missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: Missing not found");
    }

    @Test
    void listTablesPagesWithLimitAndExclusiveStart() {
        for (String name : new String[] {"list-a", "list-b", "list-c"}) {
            dynamo.createTable(table(name, false));
        }
        ListTablesResponse first = dynamo.listTables(r -> r.exclusiveStartTableName("list-").limit(2));
        assertThat(first.tableNames()).containsExactly("list-a", "list-b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("list-b");
        ListTablesResponse second = dynamo.listTables(r -> r.exclusiveStartTableName("list-b").limit(2));
        assertThat(second.tableNames()).startsWith("list-c");
    }

    @Test
    void deletedTableIsGone() {
        dynamo.createTable(table("Deleted", false));
        TableDescription deleted = dynamo.deleteTable(r -> r.tableName("Deleted")).tableDescription();
        assertThat(deleted.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(dynamo.listTables().tableNames()).doesNotContain("Deleted");
        assertThatThrownBy(() -> dynamo.deleteTable(r -> r.tableName("Deleted")))
                .isInstanceOf(ResourceNotFoundException.class);
        dynamo.createTable(table("Deleted", false));
        assertThat(dynamo.scan(r -> r.tableName("Deleted")).count()).isZero();
    }
}
