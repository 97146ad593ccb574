package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** TagResource: adds tags to a table, a tag of a key it already has taking the new value. */
public final class TagResource implements Operation {

    private static final RequestShape SHAPE = new RequestShape()
            .optional("ResourceArn", Type.STRING)
            .optional("Tags", Type.LIST);

    private final Tables tables;

    TagResource(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "TagResource";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String arn = ResourceArn.of(input, "dynamodb:TagResource", request);
        JsonNode list = input.get("Tags");
        if (list == null || list.isNull()) {
            throw new ValidationException("1 validation error detected: Value null at 'tags' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        ResourceArn.requireTable(arn);
        if (list.isEmpty()) {
            throw new ValidationException("Atleast one Tag needs to be provided as Input.");
        }
        Map<String, String> added = TagList.read(list);
        request.authorize("dynamodb:TagResource", arn);
        TableDefinition table = ResourceArn.table(arn, tables, "Requested resource not found: ResourcArn: " + arn + " not found");
        Map<String, String> tags = new LinkedHashMap<>(table.tags());
        tags.putAll(added);
        tables.changeTags(table.name(), TagList.checkedCount(tags));
        return AttributeValue.JSON.objectNode();
    }
}
