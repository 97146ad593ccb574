package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Projection;
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
import java.util.Set;

/**
 * TransactGetItems: up to 100 items of any tables, all read from one snapshot, so no write
 * committed in between shows in some of them and not in others.
 */
public final class TransactGetItems implements Operation {

    private static final RequestShape SHAPE = new RequestShape()
            .required("TransactItems", Type.LIST)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private static final RequestShape GET = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .expressions("ProjectionExpression");

    private final Tables tables;
    private final TableStore store;

    TransactGetItems(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "TransactGetItems";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    /** One Get, checked and ready to read. */
    private record Get(TableDefinition table, PrimaryKey key, Projection projection) {
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        JsonNode items = input.get("TransactItems");
        TransactWriteItems.checkCount(items, "TransactGetItem");
        List<Get> gets = new ArrayList<>(items.size());
        Set<ItemIdentity> read = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject() || item.has("Get") && !item.get("Get").isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            JsonNode body = item.get("Get");
            if (body == null || body.isNull()) {
                throw new ValidationException("1 validation error detected: Value null at 'transactItems." + (i + 1)
                        + ".member.get' failed to satisfy constraint: Member must not be null");
            }
            GET.check(body, "transactItems." + (i + 1) + ".member.get.");
            String tableName = body.get("TableName").asText();
            request.authorize("dynamodb:GetItem", tables.arnOf(tableName));
            TableDefinition table = tables.get(tableName);
            PrimaryKey key = table.keySchema().keyOfRequest(AttributeValue.checkedMap(body.get("Key")));
            RequestExpressions expressions = new RequestExpressions(body);
            Projection projection = expressions.projection();
            expressions.checkAllUsed();
            if (!read.add(ItemIdentity.of(table, key))) {
                throw new ValidationException("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new Get(table, key, projection));
        }
        ArrayNode responses = AttributeValue.JSON.arrayNode(gets.size());
        ConsumedCapacity.PerTable capacity = ConsumedCapacity.requested(input) ? new ConsumedCapacity.PerTable(input) : null;
        store.snapshot(snapshot -> {
            for (Get get : gets) {
                ObjectNode response = responses.addObject();
                ObjectNode item = ItemCodec.decode(snapshot.get(get.table().storeName(), get.key()));
                if (capacity != null) {
                    capacity.of(get.table()).transactionalRead(item == null ? 0 : AttributeValue.itemSize(item));
                }
                if (item != null) {
                    response.set("Item", get.projection() == null ? item : get.projection().apply(item));
                }
            }
            return null;
        });
        ObjectNode output = AttributeValue.JSON.objectNode();
        output.set("Responses", responses);
        if (capacity != null) {
            output.set("ConsumedCapacity", capacity.toJson());
        }
        return output;
    }
}
