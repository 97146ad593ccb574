package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A CreateTable or UpdateTable declaration checked as AWS checks it: constraints inside list members
 * named at their paths (at most ten reported), then billing, the table's keys and each index in
 * AWS's order and words. Sent as JSON, as a client that builds requests by hand sends them.
 */
class TableDeclarationTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEFINITIONS_AB = "\"AttributeDefinitions\": [{\"AttributeName\": \"a\", \"AttributeType\": \"S\"},"
            + " {\"AttributeName\": \"b\", \"AttributeType\": \"S\"}]";
    private static final String KEYS_AB = "\"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"},"
            + " {\"AttributeName\": \"b\", \"KeyType\": \"RANGE\"}]";
    private static final String THROUGHPUT = "\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}";

    private static String validationMessage(String operation, String body) throws Exception {
        HttpResponse<String> response = edge.post(operation, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        return error.path("message").asText();
    }

    private static String createTable(String members) throws Exception {
        return validationMessage("CreateTable", "{\"TableName\": \"Declared\", " + members + "}");
    }

    @Test
    void aBrokenConstraintInsideAListMemberIsNamedAtItsPath() throws Exception {
        assertThat(createTable("\"AttributeDefinitions\": [{\"AttributeName\": \"a\", \"AttributeType\": \"SS\"}, {}],"
                + " \"KeySchema\": [{\"KeyType\": \"HASH\"}, {\"AttributeName\": \"a\"}, {\"AttributeName\": \"a\", \"KeyType\": \"Woop\"}],"
                + " \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 0}")).startsWith("9 validation errors detected: ")
                .contains("Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [B, N, S]",
                        "Value null at 'attributeDefinitions.2.member.attributeName' failed to satisfy constraint: "
                                + "Member must not be null",
                        "Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
                                + "Member must not be null",
                        "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
                                + "Member must have value greater than or equal to 1",
                        "at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
                        "Value null at 'keySchema.2.member.keyType' failed to satisfy constraint: Member must not be null",
                        "Value 'Woop' at 'keySchema.3.member.keyType' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void atMostTenBrokenConstraintsAreReported() throws Exception {
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT
                + ", \"LocalSecondaryIndexes\": [{}, {}, {}, {}, {}]"))
                .startsWith("10 validation errors detected: Value null at 'localSecondaryIndexes.1.member.indexName'")
                .contains("Value null at 'localSecondaryIndexes.4.member.indexName'")
                .doesNotContain("localSecondaryIndexes.4.member.keySchema");
    }

    @Test
    void billingIsCheckedBeforeTheKeys() throws Exception {
        assertThat(createTable("\"AttributeDefinitions\": [], \"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}]"))
                .isEqualTo("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
                        + "both be specified when BillingMode is PROVISIONED");
        assertThat(createTable("\"AttributeDefinitions\": [], \"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}],"
                + " \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1000000000001}"))
                .isEqualTo("Given value 1000000000001 for WriteCapacityUnits is out of bounds");
        assertThat(createTable("\"AttributeDefinitions\": [], \"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}],"
                + " \"BillingMode\": \"PAY_PER_REQUEST\", " + THROUGHPUT)).isEqualTo("One or more parameter values were "
                + "invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void theTablesKeysAreCheckedForDefinitionsThenNamesThenTypes() throws Exception {
        String keysAA = "\"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}]";
        assertThat(createTable("\"AttributeDefinitions\": [{\"AttributeName\": \"a\", \"AttributeType\": \"S\"}], "
                + keysAA + ", " + THROUGHPUT)).isEqualTo("Invalid KeySchema: Some index key attribute have no definition");
        assertThat(createTable(DEFINITIONS_AB + ", " + keysAA + ", " + THROUGHPUT))
                .isEqualTo("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        assertThat(createTable(DEFINITIONS_AB + ", \"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"RANGE\"},"
                + " {\"AttributeName\": \"b\", \"KeyType\": \"HASH\"}], " + THROUGHPUT))
                .isEqualTo("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    @Test
    void aLocalIndexNeedsTheTablesHashKeyARangeKeyAndAProjectionType() throws Exception {
        String index = "\"LocalSecondaryIndexes\": [{\"IndexName\": \"byB\", \"KeySchema\": %s, \"Projection\": %s}]";
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", " + index.formatted(
                "[{\"AttributeName\": \"b\", \"KeyType\": \"HASH\"}]", "{}")))
                .isEqualTo("One or more parameter values were invalid: Index KeySchema does not have a range key for index: byB");
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", " + index.formatted(
                "[{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"b\", \"KeyType\": \"RANGE\"}]", "{}")))
                .isEqualTo("One or more parameter values were invalid: Unknown ProjectionType: null");
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", \"LocalSecondaryIndexes\": []"))
                .isEqualTo("One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
    }

    @Test
    void globalIndexesAreLimitedToTwentyAndTakeNoThroughputOnDemand() throws Exception {
        StringBuilder indexes = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            indexes.append(i == 0 ? "" : ", ").append("{\"IndexName\": \"index").append(i).append("\", ").append(KEYS_AB)
                    .append(", \"Projection\": {\"ProjectionType\": \"ALL\"}, ").append(THROUGHPUT).append("}");
        }
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", " + THROUGHPUT + ", \"GlobalSecondaryIndexes\": ["
                + indexes + "]")).isEqualTo(
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
        assertThat(createTable(DEFINITIONS_AB + ", " + KEYS_AB + ", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"GlobalSecondaryIndexes\": [{\"IndexName\": \"byAB\", " + KEYS_AB
                + ", \"Projection\": {\"ProjectionType\": \"ALL\"}, " + THROUGHPUT + "}]")).isEqualTo(
                "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: "
                        + "byAB when BillingMode is PAY_PER_REQUEST");
    }

    @Test
    void anIndexUpdateIsCheckedForItsConstraintsAndItsActionsBeforeTheTableIsLookedUp() throws Exception {
        assertThat(validationMessage("UpdateTable", "{\"TableName\": \"Nowhere\", \"GlobalSecondaryIndexUpdates\":"
                + " [{\"Update\": {\"IndexName\": \"a\"}}]}")).startsWith("2 validation errors detected: ").contains(
                "Value 'a' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3",
                "Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThat(validationMessage("UpdateTable", "{\"TableName\": \"Nowhere\", \"GlobalSecondaryIndexUpdates\": [{}]}"))
                .isEqualTo("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
                        + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
        assertThat(validationMessage("UpdateTable", "{\"TableName\": \"Nowhere\", \"GlobalSecondaryIndexUpdates\":"
                + " [{\"Delete\": {\"IndexName\": \"abc\"}}, {\"Delete\": {\"IndexName\": \"abc\"}}]}"))
                .isEqualTo("One or more parameter values were invalid: Only one global secondary index update per index "
                        + "is allowed simultaneously. Index: abc");
        assertThat(validationMessage("UpdateTable", "{\"TableName\": \"Nowhere\", \"ProvisionedThroughput\":"
                + " {\"ReadCapacityUnits\": 1000000000001, \"WriteCapacityUnits\": 1}}"))
                .isEqualTo("Given value 1000000000001 for ReadCapacityUnits is out of bounds");
    }
}
