package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.storage.WriteTransaction;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks on distinct items of
 * any tables, all in one SQLite transaction: all of them are committed, or, if any condition fails,
 * none, with a TransactionCanceledException giving each action's reason in request order. A
 * ClientRequestToken is spent in that same transaction, so a retry after an acknowledged (or
 * crashed) call is answered without writing twice.
 */
public final class TransactWriteItems implements Operation {

    /** DynamoDB's most actions in one transaction. */
    static final int MAX_ACTIONS = 100;
    /** How long AWS remembers a ClientRequestToken after the call that used it. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private static final RequestShape SHAPE = new RequestShape()
            .required("TransactItems", Type.LIST)
            .optional("ClientRequestToken", Type.STRING)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE")
            .oneOf("ReturnItemCollectionMetrics", "SIZE", "NONE");

    /** One kind of action: its member in a TransactWriteItem, its shape, IAM action and preparation. */
    private enum Action {
        PUT("Put", "dynamodb:PutItem", new RequestShape().tableName().required("Item", Type.MAP)
                .expressions("ConditionExpression")),
        UPDATE("Update", "dynamodb:UpdateItem", new RequestShape().tableName().required("Key", Type.MAP)
                .expressions("ConditionExpression").required("UpdateExpression", Type.STRING)),
        DELETE("Delete", "dynamodb:DeleteItem", new RequestShape().tableName().required("Key", Type.MAP)
                .expressions("ConditionExpression")),
        CONDITION_CHECK("ConditionCheck", "dynamodb:ConditionCheckItem", new RequestShape().tableName()
                .required("Key", Type.MAP).expressions().required("ConditionExpression", Type.STRING));

        final String member;
        final String iamAction;
        final RequestShape shape;

        Action(String member, String iamAction, RequestShape shape) {
            this.member = member;
            this.iamAction = iamAction;
            this.shape = shape.oneOf("ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");
        }

        ItemWrite prepare(JsonNode request, TableDefinition table) {
            return switch (this) {
                case PUT -> Put.of(request, table);
                case UPDATE -> Update.of(request, table);
                case DELETE -> Delete.of(request, table);
                case CONDITION_CHECK -> ConditionCheck.of(request, table);
            };
        }
    }

    private final Tables tables;
    private final TableStore store;

    TransactWriteItems(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "TransactWriteItems";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        JsonNode items = input.get("TransactItems");
        checkCount(items, "TransactWriteItem");
        String token = checkedToken(input);
        List<ItemWrite> writes = new ArrayList<>(items.size());
        Set<ItemIdentity> written = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Action action = actionOf(item);
            JsonNode body = item.get(action.member);
            action.shape.check(body, "transactItems." + (i + 1) + ".member."
                    + Character.toLowerCase(action.member.charAt(0)) + action.member.substring(1) + ".");
            String tableName = body.get("TableName").asText();
            request.authorize(action.iamAction, tables.arnOf(tableName));
            ItemWrite write = action.prepare(body, tables.get(tableName));
            if (!written.add(write.itemIdentity())) {
                throw new ValidationException("Transaction request cannot include multiple operations on one item");
            }
            writes.add(write);
        }
        byte[] digest = token == null ? null : digestOf(input);
        ConsumedCapacity.PerTable capacity = ConsumedCapacity.requested(input) ? new ConsumedCapacity.PerTable(input) : null;
        store.transact(request.body().length, transaction -> {
            if (token != null && alreadyDone(transaction, token, digest)) {
                return null;
            }
            List<ItemWrite.Change> changes = apply(writes, transaction);
            if (capacity != null) {
                for (int i = 0; i < writes.size(); i++) {
                    capacity.of(writes.get(i).table()).write(changes.get(i), 2);
                }
            }
            if (token != null) {
                long now = System.currentTimeMillis();
                transaction.recordRequest(token, digest, now, now - TOKEN_LIFETIME.toMillis());
            }
            return null;
        });
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (capacity != null) {
            output.set("ConsumedCapacity", capacity.toJson());
        }
        return output;
    }

    /** Applies every write, answering their changes; if any fails, throws the cancellation that rolls them all back. */
    private List<ItemWrite.Change> apply(List<ItemWrite> writes, WriteTransaction transaction) {
        List<ItemWrite.Change> changes = new ArrayList<>(writes.size());
        ArrayNode reasons = AttributeValue.JSON.arrayNode();
        boolean cancelled = false;
        for (ItemWrite write : writes) {
            ObjectNode reason = reasons.addObject();
            try {
                changes.add(write.applyIn(transaction, tables));
                reason.put("Code", "None");
            } catch (AwsException e) {
                if (!e.errorType().equals("ConditionalCheckFailedException") && !e.errorType().equals("ValidationException")) {
                    throw e;
                }
                cancelled = true;
                boolean conditionFailed = e.errorType().equals("ConditionalCheckFailedException");
                reason.put("Code", conditionFailed ? "ConditionalCheckFailed" : "ValidationError");
                reason.put("Message", e.getMessage());
                if (e.fields().get("Item") instanceof JsonNode item) {
                    reason.set("Item", item);
                }
            }
        }
        if (cancelled) {
            String codes = StreamSupport.stream(reasons.spliterator(), false)
                    .map(reason -> reason.get("Code").asText()).collect(Collectors.joining(", ", "[", "]"));
            throw new AwsException(400, "TransactionCanceledException",
                    "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes)
                    .withField("CancellationReasons", reasons);
        }
        return changes;
    }

    /** Whether this token already did this very request; the same token on another request is a mismatch. */
    private static boolean alreadyDone(WriteTransaction transaction, String token, byte[] digest) {
        byte[] recorded = transaction.requestDigest(token, System.currentTimeMillis() - TOKEN_LIFETIME.toMillis());
        if (recorded == null) {
            return false;
        }
        if (!Arrays.equals(recorded, digest)) {
            throw new AwsException(400, "IdempotentParameterMismatchException", "DynamoDB rejected the request because you"
                    + " retried a request with a different payload but with an idempotent token that was already used.");
        }
        return true;
    }

    /** Checks a TransactItems list has 1 to 100 actions; {@code memberType} is how AWS's Java front end names them. */
    static void checkCount(JsonNode items, String memberType) {
        if (items.isEmpty() || items.size() > MAX_ACTIONS) {
            String shown = StreamSupport.stream(items.spliterator(), false)
                    .map(item -> "com.amazonaws.dynamodb.v20120810." + memberType + "@" + Integer.toHexString(item.hashCode()))
                    .collect(Collectors.joining(", ", "[", "]"));
            throw new ValidationException("1 validation error detected: Value '" + shown + "' at 'transactItems' failed to"
                    + " satisfy constraint: Member must have length " + (items.isEmpty()
                            ? "greater than or equal to 1" : "less than or equal to " + MAX_ACTIONS));
        }
    }

    private static String checkedToken(JsonNode input) {
        JsonNode token = input.get("ClientRequestToken");
        if (token == null || token.isNull()) {
            return null;
        }
        String text = token.textValue();
        if (text.isEmpty() || text.length() > 36) {
            throw new ValidationException("1 validation error detected: Value '" + text + "' at 'clientRequestToken' failed"
                    + " to satisfy constraint: Member must have length " + (text.isEmpty()
                            ? "greater than or equal to 1" : "less than or equal to 36"));
        }
        return text;
    }

    private static Action actionOf(JsonNode item) {
        if (!item.isObject()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        Action found = null;
        for (Action action : Action.values()) {
            JsonNode body = item.get(action.member);
            if (body == null || body.isNull()) {
                continue;
            }
            if (!body.isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            if (found != null) {
                throw new ValidationException("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            found = action;
        }
        if (found == null) {
            throw new ValidationException("The action or operation requested is invalid. Verify that the action is typed correctly.");
        }
        return found;
    }

    /** What makes two calls with one ClientRequestToken the same request: everything but the token and what to report. */
    private static byte[] digestOf(JsonNode input) {
        ObjectNode significant = input.deepCopy();
        significant.remove(List.of("ClientRequestToken", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics"));
        try {
            return MessageDigest.getInstance("SHA-256").digest(ItemCodec.encode(significant));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
