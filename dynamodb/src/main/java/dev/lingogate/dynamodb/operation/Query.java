package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.KeyCondition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.legacy.KeyConditions;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;

/** Query: one partition's items of a table or a secondary index, in sort key order, as one range read. */
public final class Query implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .optionalTableName("IndexName")
            .expressions(new ExpressionParameters(List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
                    List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"),
                    List.of("QueryFilter", "AttributesToGet")))
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
        // AWS checks all it can of the request before it looks the table up, in this order
        ObjectNode startValues = ReadTarget.startKeyValues(input);
        if (!input.hasNonNull("KeyConditionExpression") && !input.hasNonNull("KeyConditions")) {
            throw new ValidationException("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        RequestExpressions expressions = new RequestExpressions(input);
        Condition keyExpression = expressions.keyConditionExpression();
        Condition filter = expressions.condition("FilterExpression");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        KeyCondition keyCondition = keyExpression != null ? KeyCondition.of(keyExpression) : KeyConditions.of(input.get("KeyConditions"));
        request.authorize("dynamodb:Query", tables.arnOf(name));
        ReadTarget target = ReadTarget.of(tables.get(name), input);
        ReadTarget.Start start = target.queryStart(startValues, keyCondition);
        if (projection != null) {
            target.requireScalarKeys(projection.paths());
        }
        if (filter != null) {
            target.requireNonKeyFilter(filter.paths(), input.hasNonNull("QueryFilter") ? "QueryFilter" : "Filter Expression");
        }
        target.requireSelectable(input);
        if (filter != null) {
            target.requireScalarKeys(filter.paths());
        }
        boolean countOnly = PageReader.countOnly(input, projection);
        boolean forward = input.path("ScanIndexForward").asBoolean(true);
        KeyRange range = keyCondition.range(target.keySchema(), start == null ? null : start.key(),
                start == null ? null : start.tableKey(), forward);
        return pages.read(target, range, input, filter, projection, countOnly);
    }
}
