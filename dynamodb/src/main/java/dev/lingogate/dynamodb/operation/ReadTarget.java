package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.KeyCondition;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.KeySchema;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Query or Scan reads: a table, or one of its secondary indexes (IndexName); and where a
 * previous page stopped (ExclusiveStartKey), checked in the order and words AWS checks it.
 */
record ReadTarget(TableDefinition table, SecondaryIndex index) {

    /** Where a previous page stopped: the key in what is read and, in an index, the item's table key. */
    record Start(PrimaryKey key, PrimaryKey tableKey) {
    }

    /** Messages AWS gives as they are, where other faults of a start key's values get its "starting key is invalid" prefix. */
    private static final Pattern UNPREFIXED_FAULTS =
            Pattern.compile("contains duplicates|number set|numeric value|significant digits|number with magnitude");

    /** The table, or its index named in the request, checked against what the request asks of it. */
    static ReadTarget of(TableDefinition table, JsonNode input) {
        JsonNode indexName = input.get("IndexName");
        if (indexName == null || indexName.isNull()) {
            return new ReadTarget(table, null);
        }
        SecondaryIndex index = table.index(indexName.asText());
        if (index == null) {
            throw new ValidationException("The table does not have the specified index: " + indexName.asText());
        }
        if (index.global() && input.path("ConsistentRead").asBoolean(false)) {
            throw new ValidationException("Consistent reads are not supported on global secondary indexes");
        }
        return new ReadTarget(table, index);
    }

    /**
     * The request's ExclusiveStartKey with each value checked, as AWS checks them before it looks
     * the table up; null when absent.
     */
    static ObjectNode startKeyValues(JsonNode input) {
        JsonNode start = input.get("ExclusiveStartKey");
        if (start == null || start.isNull()) {
            return null;
        }
        try {
            return AttributeValue.checkedMap(start);
        } catch (ValidationException e) {
            throw UNPREFIXED_FAULTS.matcher(e.getMessage()).find() ? e : invalidStart(e.getMessage());
        }
    }

    /** A global index holds only its projection, so it cannot answer Select ALL_ATTRIBUTES unless it projects ALL. */
    void requireSelectable(JsonNode input) {
        if (index != null && index.global() && input.path("Select").asText().equals("ALL_ATTRIBUTES")
                && !index.projectionType().equals("ALL")) {
            throw ValidationException.invalidParameter("Select type ALL_ATTRIBUTES is not supported for global secondary index "
                    + index.name() + " because its projection type is not ALL");
        }
    }

    /** AWS refuses a path into (a list element or map member of) a key attribute of the table or of any of its indexes. */
    void requireScalarKeys(List<Path> paths) {
        Set<String> nested = new HashSet<>();
        paths.stream().filter(Path::isNested).forEach(path -> nested.add(path.topLevelName()));
        for (String key : table.keySchema().attributeNames()) {
            if (nested.contains(key)) {
                throw nonScalarKey("Key: " + key);
            }
        }
        for (SecondaryIndex each : table.indexes()) {
            for (String key : each.keySchema().attributeNames()) {
                if (nested.contains(key)) {
                    throw nonScalarKey("IndexKey: " + key);
                }
            }
        }
    }

    private static ValidationException nonScalarKey(String which) {
        return new ValidationException("Key attributes must be scalars; list random access '[]' and map lookup '.' are not"
                + " allowed: " + which);
    }

    /** A Query's filter may not name a key attribute of what it reads: the key condition selects on those. */
    void requireNonKeyFilter(List<Path> paths, String parameter) {
        Set<String> named = new HashSet<>();
        paths.forEach(path -> named.add(path.topLevelName()));
        for (KeyAttribute key : keyAttributes()) {
            if (named.contains(key.name())) {
                throw new ValidationException(parameter + " can only contain non-primary key attributes: Primary key attribute: "
                        + key.name());
            }
        }
    }

    /**
     * Whether a read of a local index fetches each item from the table: Select ALL_ATTRIBUTES of an
     * index that projects less, which a local index (unlike a global one) answers.
     */
    boolean fetchesFromTable(JsonNode input) {
        return index != null && !index.global() && input.path("Select").asText().equals("ALL_ATTRIBUTES")
                && !index.projectionType().equals("ALL");
    }

    KeySchema keySchema() {
        return index == null ? table.keySchema() : index.keySchema();
    }

    /** The key schema's attributes, partition first. */
    List<KeyAttribute> keyAttributes() {
        KeySchema schema = keySchema();
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(schema.partition());
        schema.sort().ifPresent(keys::add);
        return keys;
    }

    /**
     * Checks a Query's start key and key condition together, attribute by attribute of the key
     * schema, as AWS does; then where the start key lies against the condition.
     */
    Start queryStart(ObjectNode start, KeyCondition condition) {
        if (start != null && start.size() != startKeyNames().size()) {
            throw invalidStart();
        }
        List<KeyAttribute> keys = keyAttributes();
        for (int i = 0; i < keys.size(); i++) {
            if (start != null) {
                checkStartValue(start, keys.get(i), i == 0);
            }
            condition.checkAgainst(keys.get(i), i == 0, keys.size());
        }
        if (start == null) {
            return null;
        }
        Start checked = tableStart(start);
        KeySchema schema = keySchema();
        boolean samePartition = AttributeValue.equal(start.get(schema.partition().name()), condition.partitionValue(schema));
        if (!condition.hasSortCondition(schema)) {
            if (!samePartition) {
                throw new ValidationException("The provided starting key is outside query boundaries based on provided conditions");
            }
        } else {
            if (!condition.sortMatches(schema, start.get(schema.sort().orElseThrow().name()))) {
                throw new ValidationException("The provided starting key does not match the range key predicate");
            }
            if (!samePartition) {
                throw new ValidationException("The query can return at most one row and cannot be restarted");
            }
        }
        return checked;
    }

    /** Checks a Scan's start key as AWS does: its size, an index's key in it, then the table's key in it. */
    Start scanStart(ObjectNode start, JsonNode input) {
        if (start != null && start.size() != startKeyNames().size()) {
            throw index == null ? invalidStart("The provided key element does not match the schema") : invalidStart();
        }
        if (start != null && index != null) {
            List<KeyAttribute> keys = keyAttributes();
            for (int i = 0; i < keys.size(); i++) {
                checkStartValue(start, keys.get(i), i == 0);
            }
        }
        requireSelectable(input);
        return start == null ? null : tableStart(start);
    }

    /** One key attribute's value in the start key: present, of the schema's type, not empty, within the size limits. */
    private void checkStartValue(ObjectNode start, KeyAttribute key, boolean partition) {
        if (start.get(key.name()) == null) {
            throw invalidStart();
        }
        KeySchema schema = keySchema();
        KeySchema upToThis = partition ? new KeySchema(key, Optional.empty()) : schema;
        upToThis.keyOfRequest(only(start, upToThis.attributeNames()));
    }

    /** The start key's table key, checked, and its key in the index read. */
    private Start tableStart(ObjectNode start) {
        PrimaryKey tableKey;
        try {
            tableKey = table.keySchema().keyOfRequest(only(start, table.keySchema().attributeNames()));
        } catch (ValidationException e) {
            throw invalidStart(e.getMessage());
        }
        if (index == null) {
            return new Start(tableKey, null);
        }
        return new Start(index.keyOf(start), tableKey);
    }

    private static ObjectNode only(ObjectNode item, List<String> names) {
        ObjectNode key = AttributeValue.JSON.objectNode();
        names.stream().filter(item::has).forEach(name -> key.set(name, item.get(name)));
        return key;
    }

    /** The attributes a start key holds: the table's key and, reading an index, the index's key. */
    private Set<String> startKeyNames() {
        Set<String> names = new LinkedHashSet<>(table.keySchema().attributeNames());
        if (index != null) {
            names.addAll(index.keySchema().attributeNames());
        }
        return names;
    }

    private static ValidationException invalidStart() {
        return new ValidationException("The provided starting key is invalid");
    }

    private static ValidationException invalidStart(String why) {
        return new ValidationException("The provided starting key is invalid: " + why);
    }

    /** The LastEvaluatedKey of a page ending at this item: its table key and, in an index, its index key. */
    ObjectNode lastEvaluatedKey(ObjectNode item) {
        ObjectNode key = table.keySchema().keyAttributesOf(item);
        if (index != null) {
            key.setAll(index.keySchema().keyAttributesOf(item));
        }
        return key;
    }
}
