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

/** UntagResource: removes tags from a table by key; a key the table has no tag for is no error. */
public final class UntagResource implements Operation {

    private static final RequestShape SHAPE = new RequestShape()
            .optional("ResourceArn", Type.STRING)
            .optional("TagKeys", Type.LIST);

    private final Tables tables;

    UntagResource(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "UntagResource";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String arn = ResourceArn.of(input, "dynamodb:UntagResource", request);
        JsonNode keys = input.get("TagKeys");
        if (keys == null || keys.isNull()) {
            throw new ValidationException("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        ResourceArn.requireTable(arn);
        if (keys.isEmpty()) {
            throw new ValidationException("Atleast one Tag Key needs to be provided as Input.");
        }
        request.authorize("dynamodb:UntagResource", arn);
        TableDefinition table = ResourceArn.table(arn, tables, "Requested resource not found");
        Map<String, String> tags = new LinkedHashMap<>(table.tags());
        keys.forEach(key -> tags.remove(key.asText()));
        tables.changeTags(table.name(), tags);
        return AttributeValue.JSON.objectNode();
    }
}
