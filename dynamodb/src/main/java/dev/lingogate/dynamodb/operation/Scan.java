package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.Projection;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.util.List;

/** Scan: a whole table or secondary index, or one segment of it (parallel Scan), in key order, page by page. */
public final class Scan implements Operation {

    private static final RequestShape SHAPE = new RequestShape().tableName()
            .optionalTableName("IndexName")
            .expressions(new ExpressionParameters(List.of("ProjectionExpression", "FilterExpression"),
                    List.of("AttributesToGet", "ScanFilter", "ConditionalOperator")))
            .oneOf("Select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")
            .integer("Limit", 1, Integer.MAX_VALUE)
            .optional("ExclusiveStartKey", Type.MAP)
            .optional("ConsistentRead", Type.BOOLEAN)
            .integer("Segment", 0, 999_999)
            .integer("TotalSegments", 1, 1_000_000)
            .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");

    private final Tables tables;
    private final PageReader pages;

    Scan(Tables tables, PageReader pages) {
        this.tables = tables;
        this.pages = pages;
    }

    @Override
    public String name() {
        return "Scan";
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
        ScanSegment segment = ScanSegment.of(input);
        RequestExpressions expressions = new RequestExpressions(input);
        Condition filter = expressions.condition("FilterExpression");
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        request.authorize("dynamodb:Scan", tables.arnOf(name));
        ReadTarget target = ReadTarget.of(tables.get(name), input);
        ReadTarget.Start start = target.scanStart(startValues, input);
        if (start != null) {
            segment.requireStart(start.key());
        }
        if (projection != null) {
            target.requireScalarKeys(projection.paths());
        }
        if (filter != null) {
            target.requireScalarKeys(filter.paths());
        }
        boolean countOnly = PageReader.countOnly(input, projection);
        KeyRange range = KeyRange.wholeTable(start == null ? null : start.key(), start == null ? null : start.tableKey());
        return pages.read(target, range, input, filter, projection, countOnly, segment);
    }
}
