package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.BatchTest.failure;
import static dev.lingogate.dynamodb.BatchTest.message;
import static dev.lingogate.dynamodb.BatchTest.plainKey;
import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

class TransactionsTest {

    @TempDir
    static Path dataDir;
    @RegisterExtension
    static final RunningEdge edge = RunningEdge.perTestClass();
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        dynamo = edge.client();
        dynamo.createTable(TablesTest.table("Accounts", false));
        dynamo.createTable(TablesTest.table("Ledger", true));
    }

    static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    static TransactWriteItem debit(String account, int amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName("Accounts").key(plainKey(account))
                .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                .expressionAttributeValues(Map.of(":a", n(Integer.toString(amount))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    static TransactWriteItem credit(String account, int amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName("Accounts").key(plainKey(account))
                .updateExpression("ADD balance :a").expressionAttributeValues(Map.of(":a", n(Integer.toString(amount)))).build()).build();
    }

    static AttributeValue balanceOf(String account) {
        return dynamo.getItem(r -> r.tableName("Accounts").key(plainKey(account))).item().get("balance");
    }

    static void open(String account, int balance) {
        dynamo.putItem(r -> r.tableName("Accounts").item(Map.of("id", s(account), "balance", n(Integer.toString(balance)))));
    }

    @Test
    void aTransferPutsUpdatesDeletesAndChecksTogether() {
        open("alice", 100);
        open("bob", 0);
        open("bank", 1);
        dynamo.putItem(r -> r.tableName("Ledger").item(Map.of("pk", s("pending"), "sk", n("1"))));

        dynamo.transactWriteItems(r -> r.transactItems(debit("alice", 30), credit("bob", 30),
                put("Ledger", Map.of("pk", s("done"), "sk", n("1"), "amount", n("30"))),
                TransactWriteItem.builder().delete(Delete.builder().tableName("Ledger")
                        .key(Map.of("pk", s("pending"), "sk", n("1"))).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("Accounts").key(plainKey("bank"))
                        .conditionExpression("attribute_exists(id)").build()).build()));

        assertThat(balanceOf("alice")).isEqualTo(n("70"));
        assertThat(balanceOf("bob")).isEqualTo(n("30"));
        assertThat(dynamo.getItem(r -> r.tableName("Ledger").key(Map.of("pk", s("pending"), "sk", n("1")))).hasItem()).isFalse();
        assertThat(dynamo.getItem(r -> r.tableName("Ledger").key(Map.of("pk", s("done"), "sk", n("1")))).item())
                .containsEntry("amount", n("30"));
    }

    @Test
    void aFailedConditionCancelsEveryActionAndSaysWhichFailed() {
        open("carol", 10);
        open("dave", 0);

        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(credit("dave", 50),
                debit("carol", 50), put("Ledger", Map.of("pk", s("never"), "sk", n("1"))))));

        assertThat(error).isInstanceOf(TransactionCanceledException.class);
        assertThat(message(error)).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons"
                + " [None, ConditionalCheckFailed, None]");
        List<CancellationReason> reasons = ((TransactionCanceledException) error).cancellationReasons();
        assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
        assertThat(reasons.get(1).item()).containsEntry("balance", n("10"));
        assertThat(balanceOf("dave")).isEqualTo(n("0"));
        assertThat(balanceOf("carol")).isEqualTo(n("10"));
        assertThat(dynamo.getItem(r -> r.tableName("Ledger").key(Map.of("pk", s("never"), "sk", n("1")))).hasItem()).isFalse();
    }

    @Test
    void anUpdateThatCannotApplyCancelsWithAValidationError() {
        dynamo.putItem(r -> r.tableName("Accounts").item(Map.of("id", s("text"), "balance", s("not a number"))));

        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(credit("text", 1))));

        assertThat(error).isInstanceOf(TransactionCanceledException.class);
        assertThat(message(error)).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]");
        assertThat(((TransactionCanceledException) error).cancellationReasons().get(0).message())
                .startsWith("An operand in the update expression has an incorrect data type");
    }

    @Test
    void concurrentTransfersNeitherCreateNorLoseMoney() throws Exception {
        open("x", 100);
        open("y", 100);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                boolean xToY = c % 2 == 0;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        try {
                            dynamo.transactWriteItems(r -> r.transactItems(debit(xToY ? "x" : "y", 9), credit(xToY ? "y" : "x", 9)));
                        } catch (TransactionCanceledException poorer) {
                            // The payer had less than 9: nothing moved, as it should be.
                        }
                    }
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }

        long x = Long.parseLong(balanceOf("x").n());
        long y = Long.parseLong(balanceOf("y").n());
        assertThat(x + y).isEqualTo(200);
        assertThat(x).isNotNegative();
        assertThat(y).isNotNegative();
    }

    @Test
    void twoActionsOnOneItemAreRejected() {
        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(credit("erin", 1), debit("erin", 1))));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void moreThanAHundredActionsAreRejected() {
        List<TransactWriteItem> actions = IntStream.range(0, 101)
                .mapToObj(i -> put("Accounts", Map.of("id", s("many-" + i)))).toList();

        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(actions)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).startsWith("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactWriteItem@")
                .endsWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
    }

    @Test
    void aHundredActionsCommitTogether() {
        List<TransactWriteItem> actions = IntStream.range(0, 100)
                .mapToObj(i -> put("Accounts", Map.of("id", s("hundred-" + i)))).toList();

        dynamo.transactWriteItems(r -> r.transactItems(actions));

        assertThat(dynamo.getItem(r -> r.tableName("Accounts").key(plainKey("hundred-99"))).hasItem()).isTrue();
    }

    @Test
    void anUpdateWithoutAnUpdateExpressionIsRejected() {
        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(put("Accounts", Map.of("id", s("x"))),
                TransactWriteItem.builder().update(Update.builder().tableName("Accounts").key(plainKey("y")).build()).build())));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("1 validation error detected: Value null at 'transactItems.2.member.update.updateExpression'"
                + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void anUnknownTableFailsTheTransactionBeforeAnythingIsWritten() {
        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.transactItems(
                put("Accounts", Map.of("id", s("orphan"))), put("Nowhere", Map.of("id", s("x"))))));

        assertThat(error).isInstanceOf(ResourceNotFoundException.class);
        assertThat(message(error)).isEqualTo("Requested resource not found");
        assertThat(dynamo.getItem(r -> r.tableName("Accounts").key(plainKey("orphan"))).hasItem()).isFalse();
    }

    @Test
    void aRetryWithTheSameClientRequestTokenDoesNotApplyTwice() {
        open("frank", 0);
        String token = UUID.randomUUID().toString();

        dynamo.transactWriteItems(r -> r.clientRequestToken(token).transactItems(credit("frank", 5)));
        dynamo.transactWriteItems(r -> r.clientRequestToken(token).transactItems(credit("frank", 5)));

        assertThat(balanceOf("frank")).isEqualTo(n("5"));
    }

    @Test
    void aClientRequestTokenReusedForAnotherRequestIsAMismatch() {
        open("grace", 0);
        String token = UUID.randomUUID().toString();
        dynamo.transactWriteItems(r -> r.clientRequestToken(token).transactItems(credit("grace", 5)));

        DynamoDbException error = failure(() -> dynamo.transactWriteItems(r -> r.clientRequestToken(token)
                .transactItems(credit("grace", 6))));

        assertThat(error).isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(balanceOf("grace")).isEqualTo(n("5"));
    }

    @Test
    void aSpentClientRequestTokenSurvivesARestart() {
        try (RunningEdge own = new RunningEdge(dataDir.resolve("restart"))) {
            own.client().createTable(TablesTest.table("Accounts", false));
            own.client().putItem(r -> r.tableName("Accounts").item(Map.of("id", s("heidi"), "balance", n("0"))));
            String token = UUID.randomUUID().toString();
            own.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(credit("heidi", 5)));

            own.restart();
            own.client().transactWriteItems(r -> r.clientRequestToken(token).transactItems(credit("heidi", 5)));

            assertThat(own.client().getItem(r -> r.tableName("Accounts").key(plainKey("heidi"))).item().get("balance"))
                    .isEqualTo(n("5"));
        }
    }

    @Test
    void transactGetReadsItemsOfSeveralTablesInRequestOrder() {
        open("ivan", 7);
        dynamo.putItem(r -> r.tableName("Ledger").item(Map.of("pk", s("ivan"), "sk", n("1"), "note", s("n"), "extra", s("e"))));

        List<ItemResponse> responses = dynamo.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName("Ledger").key(Map.of("pk", s("ivan"), "sk", n("1")))
                        .projectionExpression("note").build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName("Accounts").key(plainKey("nobody")).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName("Accounts").key(plainKey("ivan")).build()).build())).responses();

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item()).isEqualTo(Map.of("note", s("n")));
        assertThat(responses.get(1).hasItem()).isFalse();
        assertThat(responses.get(2).item()).containsEntry("balance", n("7"));
    }

    @Test
    void transactGetOfOneItemTwiceIsRejected() {
        TransactGetItem get = TransactGetItem.builder().get(Get.builder().tableName("Accounts").key(plainKey("ivan")).build()).build();

        DynamoDbException error = failure(() -> dynamo.transactGetItems(r -> r.transactItems(get, get)));

        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(message(error)).isEqualTo("Transaction request cannot include multiple operations on one item");
    }
}
