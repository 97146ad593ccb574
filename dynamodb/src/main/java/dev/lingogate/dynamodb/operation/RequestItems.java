package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code RequestItems} map of BatchGetItem and BatchWriteItem, table name to that table's part
 * of the batch, with the constraints AWS checks on the map itself before looking at any table.
 */
final class RequestItems {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private RequestItems() {
    }

    /** The map's entries, after checking it has some and that every key is a valid table name. */
    static Iterable<Map.Entry<String, JsonNode>> of(JsonNode requestItems) {
        if (requestItems.isEmpty()) {
            throw new ValidationException("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy"
                    + " constraint: Member must have length greater than or equal to 1");
        }
        for (Iterator<String> names = requestItems.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.length() < 3 || name.length() > 255 || !TABLE_NAME.matcher(name).matches()) {
                throw new ValidationException("1 validation error detected: Value '" + requestItems + "' at 'requestItems'"
                        + " failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length less"
                        + " than or equal to 255, Member must have length greater than or equal to 3, Member must satisfy"
                        + " regular expression pattern: [a-zA-Z0-9_.-]+]");
            }
            if (!requestItems.get(name).isContainerNode()) {
                throw new SerializationException("Unexpected value type in payload");
            }
        }
        return requestItems::fields;
    }
}
