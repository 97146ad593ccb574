package dev.lingogate.app.translations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The history table: partition key owner (S), sort key id (S). Everyone shares the owner
 * "public" until users arrive; ids sort by creation time, so a backwards Query is newest first.
 * Every write is conditional, so concurrent writers are caught by DynamoDB, not by luck.
 */
public final class TranslationStore {
    static final String OWNER = "public";
    /**
     * The names the correction expression uses. Attribute names always go through placeholders:
     * some of ours (owner, text) are DynamoDB reserved words, and DynamoDB refuses unused ones.
     */
    private static final Map<String, String> CORRECTION_NAMES = Map.of(
            "#id", "id", "#translatedText", "translatedText", "#updatedAt", "updatedAt", "#version", "version");

    private final DynamoDbClient db;
    private final String table;

    public TranslationStore(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void create(Translation translation) {
        db.putItem(put -> put
                .tableName(table)
                .item(toItem(translation))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    public Optional<Translation> find(TranslationId id) {
        Map<String, AttributeValue> item = db.getItem(get -> get.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    public Page newestFirst(int limit, Optional<Cursor> after) {
        QueryResponse answer = db.query(query -> {
            query.tableName(table)
                    .keyConditionExpression("#owner = :owner")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":owner", s(OWNER)))
                    .scanIndexForward(false)
                    .limit(limit);
            after.ifPresent(cursor -> query.exclusiveStartKey(key(cursor.after())));
        });
        List<Translation> items = answer.items().stream().map(TranslationStore::fromItem).toList();
        Optional<Cursor> next = Optional.ofNullable(answer.lastEvaluatedKey())
                .filter(key -> key.containsKey("id"))
                .flatMap(key -> TranslationId.parse(key.get("id").s()))
                .map(Cursor::new);
        return new Page(items, next);
    }

    /**
     * Replaces the translated text if the stored version is still the one the client read.
     *
     * @throws TranslationNotFound if there is no such translation
     * @throws StaleVersion if someone else has changed it since
     */
    public Translation correct(TranslationId id, String translatedText, IfMatch ifMatch, String now) {
        OptionalLong expected = ifMatch.version();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":text", s(translatedText), ":now", s(now), ":one", n(1)));
        expected.ifPresent(version -> values.put(":expected", n(version)));
        String condition = expected.isPresent() ? "attribute_exists(#id) AND #version = :expected" : "attribute_exists(#id)";
        try {
            return fromItem(db.updateItem(update -> update
                    .tableName(table)
                    .key(key(id))
                    .updateExpression("SET #translatedText = :text, #updatedAt = :now, #version = #version + :one")
                    .conditionExpression(condition)
                    .expressionAttributeNames(CORRECTION_NAMES)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes());
        } catch (ConditionalCheckFailedException e) {
            // The check failed either because the item is gone or because its version moved on.
            Optional<Translation> current = e.hasItem() && !e.item().isEmpty() ? Optional.of(fromItem(e.item())) : find(id);
            if (current.isEmpty() || expected.isEmpty()) {
                throw new TranslationNotFound(id.value());
            }
            throw new StaleVersion(id, expected.getAsLong(), current.get().version());
        }
    }

    /** @throws TranslationNotFound if there is no such translation */
    public void delete(TranslationId id) {
        try {
            db.deleteItem(delete -> delete
                    .tableName(table)
                    .key(key(id))
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", "id")));
        } catch (ConditionalCheckFailedException e) {
            throw new TranslationNotFound(id.value());
        }
    }

    private static Map<String, AttributeValue> key(TranslationId id) {
        return Map.of("owner", s(OWNER), "id", s(id.value()));
    }

    static Map<String, AttributeValue> toItem(Translation t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("owner", s(OWNER));
        item.put("id", s(t.id()));
        item.put("text", s(t.text()));
        item.put("translatedText", s(t.translatedText()));
        item.put("source", s(t.source()));
        item.put("detectedSource", s(t.detectedSource()));
        item.put("target", s(t.target()));
        item.put("createdAt", s(t.createdAt()));
        item.put("updatedAt", s(t.updatedAt()));
        item.put("version", n(t.version()));
        return item;
    }

    static Translation fromItem(Map<String, AttributeValue> item) {
        return new Translation(
                string(item, "id"),
                string(item, "text"),
                string(item, "translatedText"),
                string(item, "source"),
                string(item, "detectedSource"),
                string(item, "target"),
                string(item, "createdAt"),
                string(item, "updatedAt"),
                item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 1);
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
