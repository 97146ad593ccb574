package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies the SDK never sends, signed by hand: a JSON value of the wrong type is a
 * SerializationException whose {@code Message} is worded as DynamoDB's deserializer words it, and a
 * control operation's missing table name is the one error reported.
 */
class MalformedRequestsTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode answer(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static void assertSerializationError(String operation, String body, String message) throws Exception {
        JsonNode error = answer(edge.post(operation, body), 400);
        assertThat(error.path("__type").asText()).isEqualTo("com.amazon.coral.service#SerializationException");
        assertThat(error.path("Message").asText()).isEqualTo(message);
        assertThat(error.has("message")).isFalse();
    }

    @Test
    void numberWhereAStringBelongsNamesTheNumbersKind() throws Exception {
        assertSerializationError("GetItem", "{\"TableName\": 23}", "NUMBER_VALUE cannot be converted to String");
        assertSerializationError("GetItem", "{\"TableName\": 34.56}", "DECIMAL_VALUE cannot be converted to String");
        assertSerializationError("GetItem", "{\"TableName\": true}", "TRUE_VALUE cannot be converted to String");
    }

    @Test
    void collectionWhereAStringBelongsIsNotExpected() throws Exception {
        assertSerializationError("GetItem", "{\"TableName\": []}", "Unrecognized collection type class java.lang.String");
        assertSerializationError("GetItem", "{\"TableName\": {}}", "Start of structure or map found where not expected");
    }

    @Test
    void scalarWhereAMapOrListBelongsIsAnUnexpectedFieldType() throws Exception {
        assertSerializationError("GetItem", "{\"TableName\": \"abc\", \"Key\": \"a\"}", "Unexpected field type");
        assertSerializationError("GetItem", "{\"TableName\": \"abc\", \"AttributesToGet\": 1}", "Unexpected field type");
        assertSerializationError("GetItem", "{\"TableName\": \"abc\", \"AttributesToGet\": {}}",
                "Start of structure or map found where not expected");
    }

    @Test
    void booleanMayBeSpelledAsAWordButNotAsAnyString() throws Exception {
        assertSerializationError("GetItem", "{\"TableName\": \"abc\", \"ConsistentRead\": \"23\"}",
                "Unexpected token received from parser");
        assertSerializationError("GetItem", "{\"TableName\": \"abc\", \"ConsistentRead\": 23}",
                "NUMBER_VALUE cannot be converted to Boolean");
        JsonNode notFound = answer(edge.post("GetItem",
                "{\"TableName\": \"NoSuchTable\", \"Key\": {\"id\": {\"S\": \"a\"}}, \"ConsistentRead\": \"yes\"}"), 400);
        assertThat(notFound.path("__type").asText()).endsWith("#ResourceNotFoundException");
    }

    @Test
    void wrongTypesAreReportedBeforeMissingMembers() throws Exception {
        assertSerializationError("CreateTable", "{\"BillingMode\": 1}", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void controlOperationWithoutTableNameNamesTheMissingParameter() throws Exception {
        JsonNode error = answer(edge.post("DescribeTable", "{}"), 400);
        assertThat(error.path("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(error.path("message").asText())
                .isEqualTo("The parameter 'TableName' is required but was not present in the request");
    }

    private static String validationMessage(String item) throws Exception {
        JsonNode error = answer(edge.post("PutItem", "{\"TableName\": \"NoSuchTable\", \"Item\": " + item + "}"), 400);
        assertThat(error.path("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        return error.path("message").asText();
    }

    @Test
    void attributeValueProblemsAreWordedAsAwsWordsThemBeforeTheTableIsLookedUp() throws Exception {
        assertThat(validationMessage("{\"a\": {\"a\": \"\"}}"))
                .isEqualTo("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertThat(validationMessage("{\"a\": {\"N\": \"\"}}")).isEqualTo("The parameter cannot be converted to a numeric value");
        assertThat(validationMessage("{\"a\": {\"N\": \"b\"}}")).isEqualTo("The parameter cannot be converted to a numeric value: b");
        assertThat(validationMessage("{\"a\": {\"N\": \"b\", \"S\": \"a\"}}"))
                .isEqualTo("The parameter cannot be converted to a numeric value: b");
        assertThat(validationMessage("{\"a\": {\"S\": \"b\", \"BOOL\": true}}"))
                .isEqualTo("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        assertThat(validationMessage("{\"a\": {\"BS\": []}}"))
                .isEqualTo("One or more parameter values were invalid: Binary sets should not be empty");
        assertThat(validationMessage("{\"a\": {\"NS\": [\"1\", \"1.0\"]}}")).isEqualTo("Input collection contains duplicates");
        assertThat(validationMessage("{\"a\": {\"SS\": [\"x\", \"x\"]}}"))
                .isEqualTo("One or more parameter values were invalid: Input collection [x, x] contains duplicates.");
        assertThat(validationMessage("{\"a\": {\"BS\": [\"Yg==\", \"Yg==\"]}}"))
                .isEqualTo("One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
        assertThat(validationMessage("{\"a\": {\"N\": \"1E+126\"}}"))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
}
