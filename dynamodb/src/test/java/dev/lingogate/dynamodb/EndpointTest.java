package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DynamoDB's endpoint as its clients see it besides the operations: health line, request ids, checksums. */
class EndpointTest {

    @TempDir
    static Path dataDir;
    private static RunningEdge edge;

    @BeforeAll
    static void start() {
        edge = new RunningEdge(dataDir);
    }

    @AfterAll
    static void stop() {
        edge.close();
    }

    @Test
    void aGetOfTheRootIsAnsweredWithDynamoDbsHealthLine() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(edge.endpoint() + "/")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
    }

    @Test
    void everyAnswerNamesItsRequestAsDynamoDbDoesAndCarriesItsChecksum() throws Exception {
        HttpResponse<String> response = edge.post("ListTables", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9A-Z]{52}"));
        assertThat(response.headers().firstValue("x-amz-crc32")).isPresent();
    }
}
