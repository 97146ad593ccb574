package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * BatchWriteItem: up to 25 puts and deletes over one or more tables. AWS makes each write atomic
 * on its own; here they commit together in one transaction (one fsync for the batch), which is
 * within what AWS promises. Nothing is ever left unprocessed, so UnprocessedItems is always empty.
 */
public final class BatchWriteItem implements Operation {

    /** DynamoDB's most put and delete requests in one BatchWriteItem, over all its tables. */
    static final int MAX_WRITES = 25;

    private static final RequestShape SHAPE = new RequestShape()
            .required("RequestItems", WireType.WRITE_REQUESTS_BY_TABLE)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE")
            .oneOf("ReturnItemCollectionMetrics", "SIZE", "NONE");

    private final Tables tables;
    private final TableStore store;

    BatchWriteItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "BatchWriteItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        JsonNode requestItems = input.get("RequestItems");
        List<Map.Entry<String, JsonNode>> parts = new ArrayList<>();
        RequestItems.of(requestItems).forEach(parts::add);
        int count = 0;
        for (Map.Entry<String, JsonNode> part : parts) {
            count += checkedRequests(requestItems, part.getKey(), part.getValue()).size();
        }
        if (count > MAX_WRITES) {
            throw new ValidationException("Too many items requested for the BatchWriteItem call");
        }
        List<ItemWrite> writes = new ArrayList<>(count);
        Set<ItemIdentity> items = new HashSet<>();
        for (Map.Entry<String, JsonNode> part : parts) {
            request.authorize("dynamodb:BatchWriteItem", tables.arnOf(part.getKey()));
            TableDefinition table = tables.get(part.getKey());
            for (JsonNode writeRequest : part.getValue()) {
                ItemWrite write = writeRequest.has("PutRequest")
                        ? Put.ofBatch(writeRequest.get("PutRequest"), table)
                        : Delete.of(writeRequest.get("DeleteRequest"), table);
                if (!items.add(write.itemIdentity())) {
                    throw new ValidationException("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        ConsumedCapacity.PerTable capacity = ConsumedCapacity.requested(input) ? new ConsumedCapacity.PerTable(input) : null;
        store.transact(request.body().length, transaction -> {
            for (ItemWrite write : writes) {
                ItemWrite.Change change = write.applyIn(transaction, tables);
                if (capacity != null) {
                    capacity.of(write.table()).write(change, 1);
                }
            }
            return null;
        });
        ObjectNode output = AttributeValue.JSON.objectNode();
        output.putObject("UnprocessedItems");
        if (capacity != null) {
            output.set("ConsumedCapacity", capacity.toJson());
        }
        return output;
    }

    /** A table's write requests, each exactly one PutRequest with an Item or DeleteRequest with a Key. */
    private static JsonNode checkedRequests(JsonNode requestItems, String tableName, JsonNode requests) {
        if (!requests.isArray()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        if (requests.isEmpty() || requests.size() > MAX_WRITES) {
            throw new ValidationException("1 validation error detected: Value '" + asJavaShowsIt(requestItems)
                    + "' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must"
                    + " have length less than or equal to 25, Member must have length greater than or equal to 1]");
        }
        for (JsonNode writeRequest : requests) {
            if (!writeRequest.isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            boolean put = writeRequest.hasNonNull("PutRequest");
            boolean delete = writeRequest.hasNonNull("DeleteRequest");
            if (put == delete) {
                throw new ValidationException("Supplied AttributeValue has more than one datatypes set, must contain"
                        + " exactly one of the supported datatypes");
            }
            String member = put ? "PutRequest" : "DeleteRequest";
            String field = put ? "Item" : "Key";
            if (!writeRequest.get(member).isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            if (!writeRequest.get(member).hasNonNull(field)) {
                throw new ValidationException("1 validation error detected: Value null at 'requestItems." + tableName + ".member."
                        + Character.toLowerCase(member.charAt(0)) + member.substring(1) + "." + field.toLowerCase()
                        + "' failed to satisfy constraint: Member must not be null");
            }
            // every value is checked before any table is looked up, as AWS does
            if (put) {
                Put.checkedItem(writeRequest.get(member));
            } else {
                AttributeValue.checkedMap(writeRequest.get(member).get(field));
            }
        }
        return requests;
    }

    /** The request items as AWS's Java front end prints them in a validation message. */
    private static String asJavaShowsIt(JsonNode requestItems) {
        return StreamSupport.stream(RequestItems.of(requestItems).spliterator(), false)
                .map(part -> part.getKey() + "=" + StreamSupport.stream(part.getValue().spliterator(), false)
                        .map(writeRequest -> "com.amazonaws.dynamodb.v20120810.WriteRequest@"
                                + Integer.toHexString(writeRequest.hashCode()))
                        .collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
