package dev.lingogate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query and Scan requests checked as AWS checks them: everything that can be checked without the
 * table (start key values, segments, expressions, the shape of a key condition) before the table
 * is looked up, then the start key and the key condition against the key schema, in AWS's words.
 */
class ReadValidationTest {

    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        created("{\"TableName\": \"Events\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"},"
                + " {\"AttributeName\": \"sk\", \"AttributeType\": \"N\"}],"
                + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}, {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}]}");
        created("{\"TableName\": \"Tags\", \"BillingMode\": \"PAY_PER_REQUEST\","
                + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
                + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}");
    }

    private static void created(String body) throws Exception {
        assertThat(edge.post("CreateTable", body).statusCode()).isEqualTo(200);
    }

    private static String validationMessage(String operation, String body) throws Exception {
        var response = edge.post(operation, body);
        JsonNode error = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error.path("__type").asText()).as(response.body()).isEqualTo("com.amazon.coral.validate#ValidationException");
        return error.path("message").asText();
    }

    private static String query(String members) throws Exception {
        return validationMessage("Query", "{\"TableName\": \"Events\", " + members + "}");
    }

    @Test
    void queryExpressionsAreCheckedBeforeTheTableIsLookedUp() throws Exception {
        assertThat(validationMessage("Query", "{\"TableName\": \"NoSuchTable\", \"KeyConditionExpression\": \"pk = :a OR pk = :b\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}, \":b\": {\"S\": \"b\"}}}"))
                .isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(validationMessage("Query", "{\"TableName\": \"NoSuchTable\", \"KeyConditionExpression\": \"pk = :a\","
                + " \"ExpressionAttributeNames\": {\"a\": \"b\"}, \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}}"))
                .isEqualTo("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertThat(validationMessage("Scan", "{\"TableName\": \"NoSuchTable\", \"FilterExpression\": \"\"}"))
                .isEqualTo("Invalid FilterExpression: The expression can not be empty;");
    }

    @Test
    void keyConditionMustNameOneKeyAttributePerConditionWithValuesForTheRest() throws Exception {
        String values = ", \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}, \":b\": {\"N\": \"1\"}}";
        assertThat(query("\"KeyConditionExpression\": \"pk = sk\""))
                .isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertThat(query("\"KeyConditionExpression\": \":a = :b\"" + values))
                .isEqualTo("Invalid condition in KeyConditionExpression: No key attribute specified");
        assertThat(query("\"KeyConditionExpression\": \"pk = :a AND pk = :a AND sk = :b\"" + values))
                .isEqualTo("KeyConditionExpressions must only contain one condition per key");
        assertThat(query("\"KeyConditionExpression\": \"pk = :a AND size(sk) > :b\"" + values))
                .isEqualTo("KeyConditionExpressions cannot contain nested operations");
        assertThat(query("\"KeyConditionExpression\": \"pk = :a AND begins_with(:a, sk)\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}"))
                .isEqualTo("Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its"
                        + " first operand");
        assertThat(query("\"KeyConditionExpression\": \"pk = :a AND sk = :b AND colour = :a\"" + values))
                .isEqualTo("Conditions can be of length 1 or 2 only");
    }

    @Test
    void valueBeforeTheKeyAttributeReadsAsTheMirroredComparison() throws Exception {
        assertThat(edge.post("PutItem", "{\"TableName\": \"Events\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"5\"}}}")
                .statusCode()).isEqualTo(200);
        var response = edge.post("Query", "{\"TableName\": \"Events\", \"KeyConditionExpression\": \":a = pk AND :b < sk\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}, \":b\": {\"N\": \"4\"}}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("Count").asInt()).isEqualTo(1);
    }

    @Test
    void keyConditionIsCheckedAgainstTheKeySchemaAttributeByAttribute() throws Exception {
        assertThat(query("\"KeyConditionExpression\": \"sk = :b\", \"ExpressionAttributeValues\": {\":b\": {\"N\": \"1\"}}"))
                .isEqualTo("Query condition missed key schema element: pk");
        assertThat(query("\"KeyConditionExpression\": \"pk > :a\", \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}"))
                .isEqualTo("Query key condition not supported");
        assertThat(query("\"KeyConditionExpression\": \"pk = :a\", \"ExpressionAttributeValues\": {\":a\": {\"N\": \"1\"}}"))
                .isEqualTo("One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertThat(query("\"KeyConditions\": {\"pk\": {\"ComparisonOperator\": \"NOT_NULL\"}}"))
                .isEqualTo("Attempted conditional constraint is not an indexable operation");
        assertThat(validationMessage("Query", "{\"TableName\": \"Tags\", \"KeyConditionExpression\": \"pk = :a AND colour = :a\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}}"))
                .isEqualTo("Query key condition not supported");
    }

    @Test
    void startKeyValuesAreCheckedFirstAndOnlySomeFaultsSayTheStartingKeyIsInvalid() throws Exception {
        assertThat(validationMessage("Query", "{\"TableName\": \"NoSuchTable\", \"ExclusiveStartKey\": {\"pk\": {}}}"))
                .isEqualTo("The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of"
                        + " the supported datatypes");
        assertThat(validationMessage("Query", "{\"TableName\": \"NoSuchTable\", \"ExclusiveStartKey\": {\"pk\": {\"N\": \"b\"}}}"))
                .isEqualTo("The parameter cannot be converted to a numeric value: b");
        assertThat(validationMessage("Scan", "{\"TableName\": \"NoSuchTable\", \"Segment\": 1,"
                + " \"ExclusiveStartKey\": {\"pk\": {\"NULL\": false}}}"))
                .isEqualTo("The provided starting key is invalid: One or more parameter values were invalid: Null attribute value"
                        + " types must have the value of true");
    }

    @Test
    void startKeyMustBeTheKeyAndLieWithinTheKeyCondition() throws Exception {
        String condition = "\"KeyConditionExpression\": \"pk = :a\", \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}, ";
        assertThat(query(condition + "\"ExclusiveStartKey\": {\"pk\": {\"S\": \"a\"}}"))
                .isEqualTo("The provided starting key is invalid");
        assertThat(query(condition + "\"ExclusiveStartKey\": {\"pk\": {\"N\": \"1\"}, \"sk\": {\"N\": \"1\"}}"))
                .isEqualTo("The provided key element does not match the schema");
        assertThat(query(condition + "\"ExclusiveStartKey\": {\"pk\": {\"S\": \"b\"}, \"sk\": {\"N\": \"1\"}}"))
                .isEqualTo("The provided starting key is outside query boundaries based on provided conditions");
        String range = "\"KeyConditionExpression\": \"pk = :a AND sk > :b\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}, \":b\": {\"N\": \"5\"}}, ";
        assertThat(query(range + "\"ExclusiveStartKey\": {\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"5\"}}"))
                .isEqualTo("The provided starting key does not match the range key predicate");
        assertThat(query(range + "\"ExclusiveStartKey\": {\"pk\": {\"S\": \"b\"}, \"sk\": {\"N\": \"6\"}}"))
                .isEqualTo("The query can return at most one row and cannot be restarted");
        assertThat(validationMessage("Scan", "{\"TableName\": \"Events\", \"ExclusiveStartKey\": {\"pk\": {\"S\": \"a\"}}}"))
                .isEqualTo("The provided starting key is invalid: The provided key element does not match the schema");
    }

    @Test
    void filtersMayNotNameTheKeyAndNoPathMayLeadIntoAKeyAttribute() throws Exception {
        String condition = "\"KeyConditionExpression\": \"pk = :a\", \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}, ";
        assertThat(query(condition + "\"FilterExpression\": \"sk = :a\""))
                .isEqualTo("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk");
        assertThat(query("\"KeyConditions\": {\"pk\": {\"ComparisonOperator\": \"EQ\", \"AttributeValueList\": [{\"S\": \"a\"}]}},"
                + " \"QueryFilter\": {\"pk\": {\"ComparisonOperator\": \"NOT_NULL\"}}"))
                .isEqualTo("QueryFilter can only contain non-primary key attributes: Primary key attribute: pk");
        assertThat(query(condition + "\"ProjectionExpression\": \"pk.colour\""))
                .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk");
        assertThat(validationMessage("Scan", "{\"TableName\": \"Events\", \"FilterExpression\": \"sk[0] = :a\","
                + " \"ExpressionAttributeValues\": {\":a\": {\"S\": \"a\"}}}"))
                .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk");
    }

    @Test
    void batchGetItemChecksEachTablesExpressionsBeforeItsKeys() throws Exception {
        assertThat(validationMessage("BatchGetItem", "{\"RequestItems\": {\"NoSuchTable\": {\"Keys\": [{\"pk\": {\"S\": \"a\"}},"
                + " {\"pk\": {\"S\": \"a\"}}], \"ProjectionExpression\": \"\"}}}"))
                .isEqualTo("Invalid ProjectionExpression: The expression can not be empty;");
        assertThat(validationMessage("BatchGetItem", "{\"RequestItems\": {\"NoSuchTable\": {\"Keys\": [{\"pk\": {\"S\": \"a\"}},"
                + " {\"pk\": {\"S\": \"a\"}}]}}}"))
                .isEqualTo("Provided list of item keys contains duplicates");
    }

    @Test
    void getItemsProjectionMayNotLeadIntoAKeyAttribute() throws Exception {
        assertThat(validationMessage("GetItem", "{\"TableName\": \"Events\", \"Key\": {\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"1\"}},"
                + " \"ProjectionExpression\": \"sk[0]\"}"))
                .isEqualTo("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk");
    }

    @Test
    void indexNameIsHeldToTheRulesOfATableName() throws Exception {
        assertThat(validationMessage("Query", "{\"TableName\": \"Events\", \"IndexName\": \"a;\"}"))
                .startsWith("2 validation errors detected: ")
                .contains("Value 'a;' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " [a-zA-Z0-9_.-]+")
                .contains("Value 'a;' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }
}
