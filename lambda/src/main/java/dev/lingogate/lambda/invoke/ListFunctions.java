package dev.lingogate.lambda.invoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsReply;
import dev.lingogate.edge.AwsRequest;
import dev.lingogate.lambda.DeployedFunction;
import dev.lingogate.lambda.FunctionHost;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /2015-03-31/functions/}: the functions' configurations by name, {@code MaxItems} (1 to
 * 10,000, 50 by default) at a time; {@code NextMarker} is the last name of a page, where the next begins.
 */
final class ListFunctions {

    private static final int DEFAULT_MAX_ITEMS = 50;
    private static final int MAX_ITEMS_LIMIT = 10_000;

    private final FunctionHost host;
    private final String region;
    private final ObjectMapper json;

    ListFunctions(FunctionHost host, String region, ObjectMapper json) {
        this.host = host;
        this.region = region;
        this.json = json;
    }

    AwsReply run(AwsRequest request) {
        request.authorize("lambda:ListFunctions", "*");
        Map<String, String> query = QueryString.parse(request.rawQuery());
        int maxItems = maxItems(query.get("MaxItems"));
        String marker = query.get("Marker");
        List<DeployedFunction> after = host.deployed().stream()
                .filter(deployed -> marker == null || deployed.definition().name().compareTo(marker) > 0)
                .toList();
        List<DeployedFunction> page = after.subList(0, Math.min(maxItems, after.size()));
        ObjectNode answer = json.createObjectNode();
        ArrayNode functions = answer.putArray("Functions");
        page.forEach(deployed -> functions.add(FunctionConfiguration.of(deployed, region, json)));
        if (after.size() > page.size()) {
            answer.put("NextMarker", page.get(page.size() - 1).definition().name());
        }
        return LambdaApi.json(200, answer);
    }

    private static int maxItems(String requested) {
        if (requested == null) {
            return DEFAULT_MAX_ITEMS;
        }
        int maxItems;
        try {
            maxItems = Integer.parseInt(requested);
        } catch (NumberFormatException e) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + requested
                    + "' at 'maxItems' failed to satisfy constraint: Member must be an integer");
        }
        if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
            throw new AwsException(400, "ValidationException", "1 validation error detected: Value '" + maxItems
                    + "' at 'maxItems' failed to satisfy constraint: Member must have value "
                    + (maxItems < 1 ? "greater than or equal to 1" : "less than or equal to " + MAX_ITEMS_LIMIT));
        }
        return maxItems;
    }
}
