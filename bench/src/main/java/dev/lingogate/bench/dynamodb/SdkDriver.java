package dev.lingogate.bench.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The AWS SDK for Java v2 as an application uses it: sync client, Apache HTTP client, no retries
 * (a retried request would hide an error and count twice). Every call is built, signed and its
 * answer parsed during the pass, on the same cores as the server: the "real client" row.
 */
final class SdkDriver implements DynamoDbDriver {

    private final DynamoDbClient dynamo;

    SdkDriver(URI endpoint, String accessKey, String secretKey, int connections) {
        dynamo = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(ApacheHttpClient.builder().maxConnections(connections).tcpKeepAlive(true)
                        .socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void createTable(String table) {
        dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    @Override
    public PreparedPass prepare(List<DynamoDbCall> calls) {
        Client client = new Client() {
            @Override
            public void call(int i) {
                make(calls.get(i));
            }

            @Override
            public void close() {
            }
        };
        return () -> client;
    }

    private void make(DynamoDbCall call) {
        if (call instanceof DynamoDbCall.Put put) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS(DynamoDbCall.partition(put.prefix(), put.i())));
            item.put("sk", AttributeValue.fromS(DynamoDbCall.sortKey(put.i())));
            item.put("payload", AttributeValue.fromS(DynamoDbCall.PAYLOAD));
            item.put("n", AttributeValue.fromN(Integer.toString(put.i())));
            dynamo.putItem(r -> r.tableName(put.table()).item(item));
        } else if (call instanceof DynamoDbCall.Get get) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(get.table()).key(Map.of(
                    "pk", AttributeValue.fromS(DynamoDbCall.partition(get.prefix(), get.i())),
                    "sk", AttributeValue.fromS(DynamoDbCall.sortKey(get.i()))))).item();
            if (item == null || item.isEmpty()) {
                throw new IllegalStateException("item " + get.i() + " of " + get.table() + " is missing");
            }
        } else if (call instanceof DynamoDbCall.Query query) {
            int count = dynamo.query(r -> r.tableName(query.table()).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(
                            DynamoDbCall.partitionKey(query.prefix(), query.partition()))))).count();
            if (count != DynamoDbCall.ITEMS_PER_PARTITION) {
                throw new IllegalStateException("partition " + query.partition() + " of " + query.table() + " has " + count + " items");
            }
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
