package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same scenario as the SDK tests, driven by Debian's AWS CLI, a client nobody here wrote. */
class AwsCliTest {

    private static final Path AWS = Path.of("/usr/bin/aws");

    @TempDir
    Path dataDir;

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private static Outcome aws(RunningEdge edge, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", edge.endpoint(), "--output", "json",
                "dynamodb"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningEdge.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningEdge.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void cliCreatesWritesQueriesBatchesTransactsIndexesAndMeetsAConditionFailure() throws Exception {
        assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws (Debian package awscli) is not installed");
        ObjectMapper json = new ObjectMapper();
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            Outcome created = aws(edge, "create-table", "--table-name", "Cli", "--billing-mode", "PAY_PER_REQUEST",
                    "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                    "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N");
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            assertThat(json.readTree(created.stdout()).at("/TableDescription/TableStatus").asText()).isEqualTo("ACTIVE");

            for (String sk : new String[] {"10", "2", "1"}) {
                Outcome put = aws(edge, "put-item", "--table-name", "Cli", "--item",
                        "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" + sk + "\"},\"v\":{\"S\":\"x" + sk + "\"}}");
                assertThat(put.exitCode()).as(put.stderr()).isZero();
            }

            Outcome queried = aws(edge, "query", "--table-name", "Cli", "--key-condition-expression", "pk = :p AND sk > :one",
                    "--expression-attribute-values", "{\":p\":{\"S\":\"p\"},\":one\":{\"N\":\"1\"}}");
            assertThat(queried.exitCode()).as(queried.stderr()).isZero();
            JsonNode answer = json.readTree(queried.stdout());
            assertThat(answer.get("Count").asInt()).isEqualTo(2);
            assertThat(answer.at("/Items/0/sk/N").asText()).isEqualTo("2");
            assertThat(answer.at("/Items/1/sk/N").asText()).isEqualTo("10");

            Outcome batchWritten = aws(edge, "batch-write-item", "--request-items", "{\"Cli\":["
                    + "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}}}},"
                    + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"10\"}}}}]}");
            assertThat(batchWritten.exitCode()).as(batchWritten.stderr()).isZero();
            assertThat(json.readTree(batchWritten.stdout()).get("UnprocessedItems").isEmpty()).isTrue();

            Outcome batchRead = aws(edge, "batch-get-item", "--request-items", "{\"Cli\":{\"Keys\":["
                    + "{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}},{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"10\"}}]}}");
            assertThat(batchRead.exitCode()).as(batchRead.stderr()).isZero();
            assertThat(json.readTree(batchRead.stdout()).at("/Responses/Cli")).hasSize(1);

            Outcome cancelled = aws(edge, "transact-write-items", "--transact-items", "["
                    + "{\"Put\":{\"TableName\":\"Cli\",\"Item\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}}}},"
                    + "{\"ConditionCheck\":{\"TableName\":\"Cli\",\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}},"
                    + "\"ConditionExpression\":\"attribute_not_exists(pk)\"}}]");
            assertThat(cancelled.exitCode()).isNotZero();
            assertThat(cancelled.stderr()).contains("TransactionCanceledException")
                    .contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");

            Outcome transactRead = aws(edge, "transact-get-items", "--transact-items", "["
                    + "{\"Get\":{\"TableName\":\"Cli\",\"Key\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}}}},"
                    + "{\"Get\":{\"TableName\":\"Cli\",\"Key\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"}}}}]");
            assertThat(transactRead.exitCode()).as(transactRead.stderr()).isZero();
            JsonNode read = json.readTree(transactRead.stdout()).get("Responses");
            assertThat(read.get(0).has("Item")).isFalse();
            assertThat(read.at("/1/Item/pk/S").asText()).isEqualTo("b");

            Outcome indexed = aws(edge, "update-table", "--table-name", "Cli",
                    "--attribute-definitions", "AttributeName=v,AttributeType=S", "--global-secondary-index-updates",
                    "[{\"Create\":{\"IndexName\":\"byV\",\"KeySchema\":[{\"AttributeName\":\"v\",\"KeyType\":\"HASH\"}],"
                            + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}}]");
            assertThat(indexed.exitCode()).as(indexed.stderr()).isZero();
            Outcome byIndex = aws(edge, "query", "--table-name", "Cli", "--index-name", "byV", "--key-condition-expression", "v = :v",
                    "--expression-attribute-values", "{\":v\":{\"S\":\"x2\"}}", "--return-consumed-capacity", "TOTAL");
            assertThat(byIndex.exitCode()).as(byIndex.stderr()).isZero();
            JsonNode found = json.readTree(byIndex.stdout());
            assertThat(found.at("/Items/0/sk/N").asText()).isEqualTo("2");
            assertThat(found.at("/ConsumedCapacity/CapacityUnits").asDouble()).isEqualTo(0.5);

            Outcome refused = aws(edge, "put-item", "--table-name", "Cli", "--item", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}",
                    "--condition-expression", "attribute_not_exists(pk)");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.stderr()).contains("ConditionalCheckFailedException").contains("The conditional request failed");
        }
    }
    @Test
    void cliListsDescribesWaitsForAndDeletesTables() throws Exception {
        assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws (Debian package awscli) is not installed");
        ObjectMapper json = new ObjectMapper();
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            for (String name : new String[] {"Alpha", "Beta", "Gamma"}) {
                Outcome created = aws(edge, "create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
                        "--key-schema", "AttributeName=pk,KeyType=HASH", "--attribute-definitions", "AttributeName=pk,AttributeType=S");
                assertThat(created.exitCode()).as(created.stderr()).isZero();
            }
            // The CLI's waiter polls DescribeTable until the table is ACTIVE.
            Outcome exists = aws(edge, "wait", "table-exists", "--table-name", "Beta");
            assertThat(exists.exitCode()).as(exists.stderr()).isZero();

            // --page-size makes the CLI follow LastEvaluatedTableName across pages of ListTables.
            Outcome listed = aws(edge, "list-tables", "--page-size", "2");
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(json.readTree(listed.stdout()).get("TableNames")).extracting(JsonNode::asText)
                    .containsExactly("Alpha", "Beta", "Gamma");

            Outcome described = aws(edge, "describe-table", "--table-name", "Beta");
            assertThat(described.exitCode()).as(described.stderr()).isZero();
            JsonNode table = json.readTree(described.stdout()).get("Table");
            assertThat(table.get("TableArn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Beta");
            assertThat(table.at("/BillingModeSummary/BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");

            Outcome deleted = aws(edge, "delete-table", "--table-name", "Beta");
            assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();
            Outcome gone = aws(edge, "wait", "table-not-exists", "--table-name", "Beta");
            assertThat(gone.exitCode()).as(gone.stderr()).isZero();

            Outcome missing = aws(edge, "describe-table", "--table-name", "Beta");
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("Requested resource not found");
        }
    }

    @Test
    void cliTagsExpiresScansInSegmentsAndSpeaksTheLegacyParameters() throws Exception {
        assumeTrue(Files.isExecutable(AWS), "/usr/bin/aws (Debian package awscli) is not installed");
        ObjectMapper json = new ObjectMapper();
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Old";
        try (RunningEdge edge = new RunningEdge(dataDir)) {
            Outcome created = aws(edge, "create-table", "--table-name", "Old", "--billing-mode", "PAY_PER_REQUEST",
                    "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                    "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=N",
                    "--tags", "Key=team,Value=core");
            assertThat(created.exitCode()).as(created.stderr()).isZero();

            assertThat(aws(edge, "tag-resource", "--resource-arn", arn, "--tags", "Key=env,Value=dev").exitCode()).isZero();
            assertThat(aws(edge, "untag-resource", "--resource-arn", arn, "--tag-keys", "team").exitCode()).isZero();
            Outcome tags = aws(edge, "list-tags-of-resource", "--resource-arn", arn);
            assertThat(tags.exitCode()).as(tags.stderr()).isZero();
            assertThat(json.readTree(tags.stdout()).get("Tags").toString()).isEqualTo("[{\"Key\":\"env\",\"Value\":\"dev\"}]");

            Outcome ttl = aws(edge, "update-time-to-live", "--table-name", "Old",
                    "--time-to-live-specification", "Enabled=true,AttributeName=expires");
            assertThat(ttl.exitCode()).as(ttl.stderr()).isZero();
            Outcome described = aws(edge, "describe-time-to-live", "--table-name", "Old");
            assertThat(json.readTree(described.stdout()).at("/TimeToLiveDescription/TimeToLiveStatus").asText()).isEqualTo("ENABLED");

            for (int sk = 1; sk <= 4; sk++) {
                Outcome put = aws(edge, "put-item", "--table-name", "Old", "--item",
                        "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"" + sk + "\"},\"kind\":{\"S\":\"" + (sk % 2 == 0 ? "even" : "odd") + "\"}}",
                        "--expected", "{\"pk\":{\"Exists\":false}}");
                assertThat(put.exitCode()).as(put.stderr()).isZero();
            }
            Outcome refused = aws(edge, "put-item", "--table-name", "Old", "--item", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}",
                    "--expected", "{\"pk\":{\"Exists\":false}}");
            assertThat(refused.stderr()).contains("ConditionalCheckFailedException");

            Outcome updated = aws(edge, "update-item", "--table-name", "Old", "--key", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}",
                    "--attribute-updates", "{\"count\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"2\"}}}",
                    "--expected", "{\"kind\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"odd\"}]}}",
                    "--return-values", "ALL_NEW");
            assertThat(updated.exitCode()).as(updated.stderr()).isZero();
            assertThat(json.readTree(updated.stdout()).at("/Attributes/count/N").asText()).isEqualTo("2");

            Outcome got = aws(edge, "get-item", "--table-name", "Old", "--key", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}",
                    "--attributes-to-get", "count");
            assertThat(json.readTree(got.stdout()).get("Item").toString()).isEqualTo("{\"count\":{\"N\":\"2\"}}");

            Outcome batchGot = aws(edge, "batch-get-item", "--request-items", "{\"Old\":{\"Keys\":[{\"pk\":{\"S\":\"p\"},"
                    + "\"sk\":{\"N\":\"2\"}}],\"AttributesToGet\":[\"kind\"]}}");
            assertThat(json.readTree(batchGot.stdout()).at("/Responses/Old/0").toString()).isEqualTo("{\"kind\":{\"S\":\"even\"}}");

            Outcome queried = aws(edge, "query", "--table-name", "Old", "--key-conditions",
                    "{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"p\"}]},"
                            + "\"sk\":{\"ComparisonOperator\":\"GE\",\"AttributeValueList\":[{\"N\":\"2\"}]}}",
                    "--query-filter", "{\"kind\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"odd\"}]},"
                            + "\"count\":{\"ComparisonOperator\":\"NOT_NULL\"}}",
                    "--conditional-operator", "OR", "--attributes-to-get", "sk");
            assertThat(queried.exitCode()).as(queried.stderr()).isZero();
            assertThat(json.readTree(queried.stdout()).get("Items").toString()).isEqualTo("[{\"sk\":{\"N\":\"3\"}}]");
            // as AWS, a query filter may not name the key the query selects on
            Outcome onTheKey = aws(edge, "query", "--table-name", "Old", "--key-conditions",
                    "{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"p\"}]}}",
                    "--query-filter", "{\"sk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"N\":\"4\"}]}}");
            assertThat(onTheKey.stderr()).contains("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");

            Outcome filtered = aws(edge, "scan", "--table-name", "Old", "--scan-filter",
                    "{\"kind\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"AttributeValueList\":[{\"S\":\"ev\"}]}}");
            assertThat(json.readTree(filtered.stdout()).get("Count").asInt()).isEqualTo(2);

            int inSegments = 0;
            for (int segment = 0; segment < 2; segment++) {
                Outcome part = aws(edge, "scan", "--table-name", "Old", "--segment", Integer.toString(segment), "--total-segments", "2");
                assertThat(part.exitCode()).as(part.stderr()).isZero();
                inSegments += json.readTree(part.stdout()).get("Count").asInt();
            }
            assertThat(inSegments).isEqualTo(4);

            Outcome mixed = aws(edge, "get-item", "--table-name", "Old", "--key", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}",
                    "--attributes-to-get", "kind", "--projection-expression", "sk");
            assertThat(mixed.stderr()).contains("ValidationException").contains("Can not use both expression and non-expression"
                    + " parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters:"
                    + " {ProjectionExpression}");

            Outcome deleted = aws(edge, "delete-item", "--table-name", "Old", "--key", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"4\"}}",
                    "--expected", "{\"kind\":{\"Value\":{\"S\":\"even\"}}}");
            assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();
        }
    }
}
