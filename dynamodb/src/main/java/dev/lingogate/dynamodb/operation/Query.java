package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.KeyCondition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;

/** Query: one partition's items of a table or a secondary index, in sort key order, as one range read. */
public final class Query implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .optional("IndexName", Type.STRING)
            .expressions(new ExpressionParameters(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                    List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions")))
            .oneOf("Select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")
            .integer("Limit", 1, Integer.MAX_VALUE)
            .optional("ExclusiveStartKey", Type.MAP)
            .optional("ScanIndexForward", Type.BOOLEAN)
            .optional("ConsistentRead", Type.BOOLEAN)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private final Tables tables;
    private final PageReader pages;

    Query(Tables tables, PageReader pages) {
        this.tables = tables;
        this.pages = pages;
    }

    @Override
    public String name() {
        return "Query";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:Query", tables.arnOf(name));
        if (!input.hasNonNull("KeyConditionExpression") && !input.hasNonNull("KeyConditions")) {
            throw new ValidationException("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        ReadTarget target = ReadTarget.of(tables.get(name), input);
        RequestExpressions expressions = new RequestExpressions(input);
        KeyCondition keyCondition = expressions.keyCondition(target.keySchema());
        Condition filter = expressions.condition("FilterExpression");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        boolean countOnly = PageReader.countOnly(input, projection);
        ReadTarget.Start start = target.exclusiveStart(input);
        boolean forward = input.path("ScanIndexForward").asBoolean(true);
        KeyRange range = keyCondition.range(start == null ? null : start.key(), start == null ? null : start.tableKey(), forward);
        return pages.read(target, range, input, filter, projection, countOnly);
    }
}
