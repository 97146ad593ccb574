package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import java.util.regex.Pattern;

/**
 * The ResourceArn of TagResource, UntagResource and ListTagsOfResource, checked in AWS's order:
 * missing, then not shaped like any ARN (refused as unauthorized, whoever asks), then not a
 * table's ARN.
 */
final class ResourceArn {

    private static final Pattern ANY_RESOURCE = Pattern.compile(".+:.+:.+:.+:.+:.+/.+");
    private static final Pattern TABLE = Pattern.compile("arn:aws:dynamodb:.+:\\d+:table/[^/]{2}[^/]+");

    private ResourceArn() {
    }

    /** The request's ResourceArn, if it has the shape of some resource's ARN. */
    static String of(JsonNode input, String action, AwsRequest request) {
        JsonNode arn = input.get("ResourceArn");
        if (arn == null || arn.isNull()) {
            throw new ValidationException("Invalid TableArn");
        }
        if (!ANY_RESOURCE.matcher(arn.asText()).matches()) {
            // AWS's front end refuses it before any policy is read, so the message gives no policy's reason.
            String resource = arn.asText().isEmpty() ? "*" : arn.asText();
            throw AwsException.accessDenied("User: " + request.caller().arn() + " is not authorized to perform: "
                    + action + " on resource: " + resource);
        }
        return arn.asText();
    }

    static void requireTable(String arn) {
        if (!TABLE.matcher(arn).matches()) {
            throw new ValidationException("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
    }

    /** The table the ARN names, in this region and account, or ResourceNotFoundException with {@code notFound}. */
    static TableDefinition table(String arn, Tables tables, String notFound) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        if (!tables.arnOf(name).equals(arn)) {
            throw new AwsException(400, "ResourceNotFoundException", notFound);
        }
        try {
            return tables.get(name);
        } catch (AwsException e) {
            throw new AwsException(400, "ResourceNotFoundException", notFound);
        }
    }
}
