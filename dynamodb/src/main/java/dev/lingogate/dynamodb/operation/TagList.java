package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A list of Tags as TagResource and CreateTable take it, and as ListTagsOfResource answers it. */
final class TagList {

    /** DynamoDB's most user tags on one table. */
    static final int MAX_TAGS = 50;

    private static final RequestShape TAG = new RequestShape().text("Key", 1, 128).text("Value", 0, 256);

    private TagList() {
    }

    /** The tags of a list, checked one by one and named as AWS names them ({@code tags.1.member.key}); a later key wins. */
    static Map<String, String> read(JsonNode list) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode tag = list.get(i);
            if (!tag.isObject()) {
                throw new SerializationException("Unexpected value type in payload");
            }
            TAG.check(tag, "tags." + (i + 1) + ".member.");
            tags.put(tag.get("Key").asText(), tag.get("Value").asText());
        }
        return tags;
    }

    /** Fails if a table would carry more tags than DynamoDB allows. */
    static Map<String, String> checkedCount(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw ValidationException.invalidParameter("The number of tags on a table cannot exceed " + MAX_TAGS
                    + ", but it would be " + tags.size());
        }
        return tags;
    }

    static ArrayNode describe(Map<String, String> tags) {
        ArrayNode list = AttributeValue.JSON.arrayNode();
        tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
        return list;
    }
}
