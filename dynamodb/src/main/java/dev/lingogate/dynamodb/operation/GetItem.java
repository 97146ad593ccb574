package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;

/** GetItem: every read is consistent here (one copy of the data), so ConsistentRead changes nothing. */
public final class GetItem implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .required("Key", Type.MAP)
            .optional("ConsistentRead", Type.BOOLEAN)
            .expressions(new ExpressionParameters(List.of("ProjectionExpression"), List.of("AttributesToGet"), List.of()))
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private final Tables tables;
    private final TableStore store;

    GetItem(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "GetItem";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        // AWS checks the request whole before it looks the table up
        ObjectNode keyAttributes = AttributeValue.checkedMap(input.get("Key"));
        RequestExpressions expressions = new RequestExpressions(input);
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        request.authorize("dynamodb:GetItem", tables.arnOf(name));
        TableDefinition table = tables.get(name);
        PrimaryKey key = table.keySchema().keyOfRequest(keyAttributes);
        if (projection != null) {
            new ReadTarget(table, null).requireScalarKeys(projection.paths());
        }
        byte[] stored = store.get(table.storeName(), key);
        ObjectNode output = AttributeValue.JSON.objectNode();
        if (projection == null && !ConsumedCapacity.requested(input)) {
            if (stored != null) {
                output.putRawValue("Item", ItemCodec.verbatim(stored));
            }
            return output;
        }
        ObjectNode item = ItemCodec.decode(stored);
        if (item != null) {
            output.set("Item", projection == null ? item : projection.apply(item));
        }
        if (ConsumedCapacity.requested(input)) {
            output.set("ConsumedCapacity", ConsumedCapacity.of(table, input).read(null, item == null ? 0 : AttributeValue.itemSize(item),
                    input.path("ConsistentRead").asBoolean(false)).toJson());
        }
        return output;
    }
}
