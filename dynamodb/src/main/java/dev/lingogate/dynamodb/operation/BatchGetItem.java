package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 items from one or more tables, read from one consistent snapshot. Every
 * key is always processed here (no throughput to exceed), so UnprocessedKeys is always empty.
 */
public final class BatchGetItem implements Operation {

    /** What each table's part of the request may project with. */
    private static final ExpressionParameters PROJECTION =
            new ExpressionParameters(List.of("ProjectionExpression"), List.of("AttributesToGet"));

    /** DynamoDB's most keys in one BatchGetItem, over all its tables. */
    static final int MAX_KEYS = 100;

    private static final RequestShape SHAPE = new RequestShape()
            .required("RequestItems", WireType.KEYS_AND_ATTRIBUTES_BY_TABLE)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private final Tables tables;
    private final TableStore store;

    BatchGetItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "BatchGetItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    /** One table's part of the batch: its keys, in request order, and what to return of each item. */
    private record TableReads(TableDefinition table, List<PrimaryKey> keys, Projection projection, boolean consistent) {
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        List<Map.Entry<String, JsonNode>> parts = new ArrayList<>();
        RequestItems.of(input.get("RequestItems")).forEach(parts::add);
        // AWS checks each table's part whole, keys last, before it looks any table up
        int count = 0;
        List<Projection> projections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> part : parts) {
            JsonNode keys = keysOf(part.getKey(), part.getValue());
            PROJECTION.check(part.getValue());
            RequestExpressions expressions = new RequestExpressions(part.getValue());
            projections.add(expressions.projection());
            expressions.checkAllUsed();
            requireDistinct(keys);
            count += keys.size();
        }
        if (count > MAX_KEYS) {
            throw new ValidationException("Too many items requested for the BatchGetItem call");
        }
        List<TableReads> reads = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map.Entry<String, JsonNode> part = parts.get(i);
            request.authorize("dynamodb:BatchGetItem", tables.arnOf(part.getKey()));
            reads.add(prepare(tables.get(part.getKey()), part.getValue(), projections.get(i)));
        }
        ObjectNode responses = AttributeValue.JSON.objectNode();
        ConsumedCapacity.PerTable capacity = ConsumedCapacity.requested(input) ? new ConsumedCapacity.PerTable(input) : null;
        store.snapshot(snapshot -> {
            for (TableReads read : reads) {
                ArrayNode items = responses.putArray(read.table().name());
                for (PrimaryKey key : read.keys()) {
                    ObjectNode item = ItemCodec.decode(snapshot.get(read.table().storeName(), key));
                    if (capacity != null) {
                        capacity.of(read.table()).read(null, item == null ? 0 : AttributeValue.itemSize(item), read.consistent());
                    }
                    if (item != null) {
                        items.add(read.projection() == null ? item : read.projection().apply(item));
                    }
                }
            }
            return null;
        });
        ObjectNode output = AttributeValue.JSON.objectNode();
        output.set("Responses", responses);
        output.putObject("UnprocessedKeys");
        if (capacity != null) {
            output.set("ConsumedCapacity", capacity.toJson());
        }
        return output;
    }

    /** A table's Keys, checked for their count before any table is looked up, as AWS does. */
    private static JsonNode keysOf(String tableName, JsonNode part) {
        JsonNode keys = part.get("Keys");
        if (keys == null || keys.isNull()) {
            throw new ValidationException("1 validation error detected: Value null at 'requestItems." + tableName
                    + ".member.keys' failed to satisfy constraint: Member must not be null");
        }
        if (!keys.isArray()) {
            throw new SerializationException("Unexpected value type in payload");
        }
        if (keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw new ValidationException("1 validation error detected: Value '" + keys + "' at 'requestItems." + tableName
                    + ".member.keys' failed to satisfy constraint: Member must have length "
                    + (keys.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_KEYS));
        }
        return keys;
    }

    /** Each key's values checked, and no key asked for twice. */
    private static void requireDistinct(JsonNode keys) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode key : keys) {
            if (!seen.add(AttributeValue.checkedMap(key))) {
                throw new ValidationException("Provided list of item keys contains duplicates");
            }
        }
    }

    private static TableReads prepare(TableDefinition table, JsonNode part, Projection projection) {
        List<PrimaryKey> keys = new ArrayList<>(part.get("Keys").size());
        for (JsonNode key : part.get("Keys")) {
            keys.add(table.keySchema().keyOfRequest(AttributeValue.checkedMap(key)));
        }
        return new TableReads(table, keys, projection, part.path("ConsistentRead").asBoolean(false));
    }
}
