package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DynamoDB's endpoint as its clients see it besides the operations: health line, request ids, checksums. */
class EndpointTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();

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
