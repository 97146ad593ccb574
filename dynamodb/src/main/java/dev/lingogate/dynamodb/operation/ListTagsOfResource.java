package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;

/** ListTagsOfResource: a table's tags, all in one page (a table has at most 50). */
public final class ListTagsOfResource implements Operation {

    private static final RequestShape SHAPE = new RequestShape()
            .optional("ResourceArn", Type.STRING)
            .optional("NextToken", Type.STRING);

    private final Tables tables;

    ListTagsOfResource(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "ListTagsOfResource";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String arn = ResourceArn.of(input, "dynamodb:ListTagsOfResource", request);
        ResourceArn.requireTable(arn);
        request.authorize("dynamodb:ListTagsOfResource", arn);
        TableDefinition table = ResourceArn.table(arn, tables, "Requested resource not found: ResourcArn: " + arn + " not found");
        ObjectNode output = AttributeValue.JSON.objectNode();
        output.set("Tags", TagList.describe(table.tags()));
        return output;
    }
}
