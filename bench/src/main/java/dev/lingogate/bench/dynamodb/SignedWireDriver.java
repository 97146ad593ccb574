package dev.lingogate.bench.dynamodb;

import dev.lingogate.bench.wire.KeepAliveConnection;
import dev.lingogate.bench.wire.SignedAwsJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The lean driver: each call is a real DynamoDB JSON request (AWS JSON 1.0, {@code X-Amz-Target}),
 * signed on its own with SigV4 by the AWS SDK v2's signer, written out as the bytes that go on the
 * wire before the pass starts, and sent by each client over a keep-alive connection of its own. A
 * signature holds five minutes after its X-Amz-Date, longer than a pass; signing beforehand keeps
 * the driver's CPU (taken from the servers on a small machine) to a socket write and a read per call.
 * Every answer must be 200 and what the call expects, or the call counts as failed.
 */
final class SignedWireDriver implements DynamoDbDriver {

    private final URI endpoint;
    private final SignedAwsJson requests;

    SignedWireDriver(URI endpoint, String accessKey, String secretKey) {
        this.endpoint = endpoint;
        this.requests = new SignedAwsJson(endpoint, AwsCredentialsIdentity.create(accessKey, secretKey), "dynamodb", "1.0");
    }

    @Override
    public void createTable(String table) throws Exception {
        try (KeepAliveConnection connection = new KeepAliveConnection(endpoint)) {
            KeepAliveConnection.Answer created = connection.send(signed("CreateTable", "{\"TableName\":\"" + table
                    + "\",\"BillingMode\":\"PAY_PER_REQUEST\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                    + "\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}]}"));
            if (created.status() != 200) {
                throw new IOException("CreateTable answered " + created.status() + ": " + created.body());
            }
            for (int attempt = 0; ; attempt++) {
                KeepAliveConnection.Answer described = connection.send(signed("DescribeTable", "{\"TableName\":\"" + table + "\"}"));
                if (described.status() == 200 && described.body().contains("\"TableStatus\":\"ACTIVE\"")) {
                    return;
                }
                if (attempt == 300) {
                    throw new IOException("table " + table + " is not ACTIVE: " + described.body());
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public PreparedPass prepare(List<DynamoDbCall> calls) {
        List<byte[]> requests = calls.stream().map(call -> signed(call.operation(), call.json())).toList();
        return () -> new Client() {
            private final KeepAliveConnection connection = new KeepAliveConnection(endpoint);

            @Override
            public void call(int i) throws IOException {
                KeepAliveConnection.Answer answer = connection.send(requests.get(i));
                if (answer.status() != 200 || !calls.get(i).answered(answer.body())) {
                    throw new IOException(calls.get(i).operation() + " answered " + answer.status() + ": " + answer.body());
                }
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    private byte[] signed(String operation, String json) {
        return requests.request("DynamoDB_20120810." + operation, json.getBytes(StandardCharsets.UTF_8)).bytes();
    }

    @Override
    public void close() {
    }
}
