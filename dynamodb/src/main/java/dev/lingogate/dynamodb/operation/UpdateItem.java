package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.expression.UpdateExpression;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;

/**
 * UpdateItem: applies an UpdateExpression to the current item, or to a new item holding only the
 * key, if the ConditionExpression holds; the read, the check and the write are one transaction.
 */
public final class UpdateItem implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .expressions("UpdateExpression", "ConditionExpression")
            .oneOf("ReturnValues", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW")
            .oneOf("ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE");

    private final Tables tables;
    private final TableStore store;
    private final ItemCodec codec;

    UpdateItem(Tables tables, TableStore store, ItemCodec codec) {
        this.tables = tables;
        this.store = store;
        this.codec = codec;
    }

    @Override
    public String name() {
        return "UpdateItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:UpdateItem", tables.arnOf(name));
        TableDefinition table = tables.get(name);
        ObjectNode keyAttributes = AttributeValue.checkedMap(input.get("Key"));
        PrimaryKey key = table.keySchema().keyOfRequest(keyAttributes);
        RequestExpressions expressions = new RequestExpressions(input);
        UpdateExpression update = expressions.update();
        ConditionCheck check = ConditionCheck.of(expressions.condition("ConditionExpression"), input);
        expressions.checkAllUsed();
        List<Path> written = update == null ? List.of() : update.paths();
        for (Path path : written) {
            if (table.keySchema().isKeyAttribute(path.topLevelName())) {
                throw ValidationException.invalidParameter("Cannot update attribute " + path.topLevelName()
                        + ". This attribute is part of the key");
            }
        }
        ObjectNode[] before = new ObjectNode[1];
        ObjectNode after = store.write(table.storeName(), items -> {
            ObjectNode current = codec.decode(items.get(key));
            check.require(current);
            ObjectNode base = current != null ? current : keyAttributes;
            ObjectNode updated = update == null ? base : update.apply(base);
            long size = AttributeValue.itemSize(updated);
            if (size > AttributeValue.MAX_ITEM_BYTES) {
                throw new ValidationException("Item size to update has exceeded the maximum allowed size");
            }
            items.put(new StoredItem(key, size, codec.encode(updated)));
            before[0] = current;
            return updated;
        });
        ObjectNode attributes = switch (input.path("ReturnValues").asText("NONE")) {
            case "ALL_OLD" -> before[0];
            case "ALL_NEW" -> after;
            case "UPDATED_OLD" -> before[0] == null ? null : new Projection(written).apply(before[0]);
            case "UPDATED_NEW" -> new Projection(written).apply(after);
            default -> null;
        };
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (attributes != null && !attributes.isEmpty()) {
            output.set("Attributes", attributes);
        }
        return output;
    }
}
