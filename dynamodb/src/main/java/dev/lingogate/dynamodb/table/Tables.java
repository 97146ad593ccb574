package dev.lingogate.dynamodb.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.storage.IndexEntry;
import dev.lingogate.dynamodb.storage.StoredItem;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.edge.AwsException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;

/**
 * The tables that exist, held in memory (read from the catalogue once, at start) so that no
 * request looks a table's definition up on disk; creating and deleting go to the store first.
 *
 * <p>A local table has nothing to provision, so by default it is ACTIVE the moment it is created and
 * gone the moment it is deleted. Given a status window, tables pass through AWS's CREATING and
 * DELETING states for that long, as they do on AWS for seconds: a CREATING table takes no reads or
 * writes and cannot be deleted, a DELETING one is still described, so that code which does not wait
 * for its tables fails here as it would deployed. The store changes at once either way; only what
 * clients are told waits, and a restart ends every window.
 */
public final class Tables {

    private final TableStore store;
    private final ObjectMapper mapper;
    private final String arnPrefix;
    private final Clock clock;
    private final Duration statusWindow;
    private final ConcurrentSkipListMap<String, TableDefinition> byName = new ConcurrentSkipListMap<>();
    private final Map<String, Instant> creatingUntil = new ConcurrentHashMap<>();
    private final Map<String, Deleted> deleting = new ConcurrentHashMap<>();

    private record Deleted(TableDefinition table, Instant until) {
    }

    public Tables(TableStore store, ObjectMapper mapper, String region, String accountId) {
        this(store, mapper, region, accountId, Clock.systemUTC(), Duration.ZERO);
    }

    /** Tables that stay CREATING, and DELETING, for {@code statusWindow} by {@code clock}. */
    public Tables(TableStore store, ObjectMapper mapper, String region, String accountId, Clock clock,
            Duration statusWindow) {
        this.store = store;
        this.mapper = mapper;
        this.arnPrefix = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/";
        this.clock = clock;
        this.statusWindow = statusWindow;
        store.catalogue().forEach((name, definition) -> byName.put(name, fromJson(name, definition)));
    }

    public String arnOf(String tableName) {
        return arnPrefix + tableName;
    }

    /** The resource of actions on no one table, such as ListTables. */
    public String allTablesArn() {
        return arnPrefix + "*";
    }

    /**
     * The table, or AWS's ResourceNotFoundException as item operations word it, which is also what
     * they answer while the table is being created.
     */
    public TableDefinition get(String name) {
        TableDefinition table = byName.get(name);
        if (table == null || isCreating(name)) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found");
        }
        return table;
    }

    /** The table, or AWS's ResourceNotFoundException as table operations word it. */
    public TableDefinition describe(String name) {
        TableDefinition table = byName.get(name);
        if (table == null) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    /** CREATING while the table's window lasts, then ACTIVE. */
    public String statusOf(String name) {
        return isCreating(name) ? "CREATING" : "ACTIVE";
    }

    /** The definition of a table deleted less than its window ago, which AWS still describes as DELETING. */
    public Optional<TableDefinition> beingDeleted(String name) {
        Deleted deleted = deleting.get(name);
        if (deleted == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(deleted.until())) {
            deleting.remove(name, deleted);
            return Optional.empty();
        }
        return Optional.of(deleted.table());
    }

    private boolean isCreating(String name) {
        Instant until = creatingUntil.get(name);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            creatingUntil.remove(name, until);
            return false;
        }
        return true;
    }

    public synchronized TableDefinition create(String name, KeySchema keySchema, List<KeyAttribute> attributeDefinitions,
            String billingMode, long readCapacityUnits, long writeCapacityUnits, BigDecimal createdAt, String id,
            List<SecondaryIndex> indexes, Map<String, String> tags) {
        if (byName.containsKey(name) || beingDeleted(name).isPresent()) {
            throw new AwsException(400, "ResourceInUseException", "Table already exists: " + name);
        }
        String storeName = "items_" + id.replace("-", "");
        List<SecondaryIndex> stored = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            stored.add(indexes.get(i).storedIn(storeName + "_index" + i));
        }
        TableDefinition table = new TableDefinition(name, id, arnOf(name), keySchema, attributeDefinitions, createdAt,
                billingMode, readCapacityUnits, writeCapacityUnits, storeName, stored, null, tags);
        store.createTable(name, table.storeName(), toJson(table), indexStores(table));
        if (!statusWindow.isZero()) {
            creatingUntil.put(name, clock.instant().plus(statusWindow));
        }
        byName.put(name, table);
        return table;
    }

    /**
     * The table's secondary indexes as they are now; a write applies these, not those of the
     * definition it was prepared with, since UpdateTable may have added or dropped one meanwhile.
     */
    public List<SecondaryIndex> indexesOf(String name) {
        TableDefinition table = byName.get(name);
        return table == null ? List.of() : table.indexes();
    }

    /**
     * Adds a secondary index, filled with the entries {@code entryOf} gives the table's items;
     * {@code definitions} are the table's attribute definitions with the index's keys among them.
     */
    public synchronized TableDefinition addIndex(String name, SecondaryIndex index, List<KeyAttribute> definitions,
            BiFunction<SecondaryIndex, StoredItem, IndexEntry> entryOf) {
        TableDefinition table = describe(name);
        SecondaryIndex stored = index.storedIn(table.storeName() + "_index" + UUID.randomUUID().toString().replace("-", ""));
        List<SecondaryIndex> indexes = new ArrayList<>(table.indexes());
        indexes.add(stored);
        TableDefinition changed = table.withIndexes(indexes, definitions);
        store.addIndex(name, toJson(changed), table.storeName(), stored.storeName(), item -> entryOf.apply(stored, item),
                () -> byName.put(name, changed));
        return changed;
    }

    /** Changes how a table is billed and its provisioned throughput (0 for on-demand). */
    public synchronized TableDefinition changeBilling(String name, String billingMode, long readCapacityUnits,
            long writeCapacityUnits) {
        TableDefinition changed = describe(name).billed(billingMode, readCapacityUnits, writeCapacityUnits);
        store.changeDefinition(name, toJson(changed), () -> byName.put(name, changed));
        return changed;
    }

    /** Changes the provisioned throughput of one of a table's global secondary indexes. */
    public synchronized TableDefinition changeIndexThroughput(String name, SecondaryIndex index, long readCapacityUnits,
            long writeCapacityUnits) {
        TableDefinition table = describe(name);
        List<SecondaryIndex> indexes = new ArrayList<>(table.indexes());
        indexes.set(indexes.indexOf(index), index.provisioned(readCapacityUnits, writeCapacityUnits));
        TableDefinition changed = table.withIndexes(indexes, table.attributeDefinitions());
        store.changeDefinition(name, toJson(changed), () -> byName.put(name, changed));
        return changed;
    }

    /** Enables TTL on an attribute of the table's items, or disables it (null). */
    public synchronized TableDefinition changeTimeToLive(String name, String attribute) {
        TableDefinition changed = describe(name).withTimeToLive(attribute);
        store.changeDefinition(name, toJson(changed), () -> byName.put(name, changed));
        return changed;
    }

    /** Replaces the table's tags. */
    public synchronized TableDefinition changeTags(String name, Map<String, String> tags) {
        TableDefinition changed = describe(name).withTags(tags);
        store.changeDefinition(name, toJson(changed), () -> byName.put(name, changed));
        return changed;
    }

    /** Every table as it is now. */
    public Collection<TableDefinition> all() {
        return byName.values();
    }

    /** Drops a secondary index and its entries, and the definitions of attributes no key uses any more. */
    public synchronized TableDefinition dropIndex(String name, SecondaryIndex index) {
        TableDefinition table = describe(name);
        List<SecondaryIndex> indexes = new ArrayList<>(table.indexes());
        indexes.remove(index);
        Set<String> keyAttributes = new HashSet<>();
        keyAttributes.addAll(table.keySchema().attributeNames());
        indexes.forEach(remaining -> keyAttributes.addAll(remaining.keySchema().attributeNames()));
        List<KeyAttribute> definitions = table.attributeDefinitions().stream()
                .filter(definition -> keyAttributes.contains(definition.name())).toList();
        TableDefinition changed = table.withIndexes(indexes, definitions);
        store.dropIndex(name, toJson(changed), index.storeName(), () -> byName.put(name, changed));
        return changed;
    }

    public synchronized TableDefinition delete(String name) {
        TableDefinition table = describe(name);
        if (isCreating(name)) {
            throw new AwsException(400, "ResourceInUseException",
                    "Attempt to change a resource which is still in use: Table is being created: " + name);
        }
        store.deleteTable(name, table.storeName(), indexStores(table));
        if (!statusWindow.isZero()) {
            deleting.put(name, new Deleted(table, clock.instant().plus(statusWindow)));
        }
        byName.remove(name);
        return table;
    }

    /** Table names in order, after {@code exclusiveStart} if given, at most {@code limit} + 1 of them. */
    public List<String> names(Optional<String> exclusiveStart, int limit) {
        List<String> names = new ArrayList<>();
        for (String name : exclusiveStart.map(start -> byName.tailMap(start, false)).orElse(byName).keySet()) {
            if (names.size() > limit) {
                break;
            }
            names.add(name);
        }
        return names;
    }

    private static List<String> indexStores(TableDefinition table) {
        return table.indexes().stream().map(SecondaryIndex::storeName).toList();
    }

    private String toJson(TableDefinition table) {
        ObjectNode json = mapper.createObjectNode();
        json.put("id", table.id());
        json.put("partitionName", table.keySchema().partition().name());
        json.put("partitionType", table.keySchema().partition().type());
        table.keySchema().sort().ifPresent(sort -> json.put("sortName", sort.name()).put("sortType", sort.type()));
        ArrayNode definitions = json.putArray("attributeDefinitions");
        table.attributeDefinitions().forEach(a -> definitions.addObject().put("name", a.name()).put("type", a.type()));
        json.put("createdAt", table.createdAt());
        json.put("billingMode", table.billingMode());
        json.put("readCapacityUnits", table.readCapacityUnits());
        json.put("writeCapacityUnits", table.writeCapacityUnits());
        json.put("storeName", table.storeName());
        if (table.timeToLiveAttribute() != null) {
            json.put("timeToLiveAttribute", table.timeToLiveAttribute());
        }
        ObjectNode tags = json.putObject("tags");
        table.tags().forEach(tags::put);
        ArrayNode indexes = json.putArray("indexes");
        for (SecondaryIndex index : table.indexes()) {
            ObjectNode described = indexes.addObject();
            described.put("name", index.name()).put("global", index.global());
            described.put("partitionName", index.keySchema().partition().name());
            described.put("partitionType", index.keySchema().partition().type());
            index.keySchema().sort().ifPresent(sort -> described.put("sortName", sort.name()).put("sortType", sort.type()));
            described.put("projectionType", index.projectionType());
            index.nonKeyAttributes().forEach(described.putArray("nonKeyAttributes")::add);
            described.put("readCapacityUnits", index.readCapacityUnits()).put("writeCapacityUnits", index.writeCapacityUnits());
            described.put("storeName", index.storeName());
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static KeySchema keySchemaFromJson(JsonNode json) {
        Optional<KeyAttribute> sort = json.has("sortName")
                ? Optional.of(new KeyAttribute(json.get("sortName").asText(), json.get("sortType").asText()))
                : Optional.empty();
        return new KeySchema(new KeyAttribute(json.get("partitionName").asText(), json.get("partitionType").asText()), sort);
    }

    private TableDefinition fromJson(String name, String text) {
        try {
            JsonNode json = mapper.readTree(text);
            KeySchema keySchema = keySchemaFromJson(json);
            List<SecondaryIndex> indexes = new ArrayList<>();
            // Definitions written before indexes existed have none.
            for (JsonNode index : json.path("indexes")) {
                List<String> included = new ArrayList<>();
                index.path("nonKeyAttributes").forEach(attribute -> included.add(attribute.asText()));
                indexes.add(new SecondaryIndex(index.get("name").asText(), index.get("global").asBoolean(),
                        keySchemaFromJson(index), index.get("projectionType").asText(), included,
                        index.get("readCapacityUnits").asLong(), index.get("writeCapacityUnits").asLong(),
                        index.get("storeName").asText()));
            }
            List<KeyAttribute> definitions = new ArrayList<>();
            json.get("attributeDefinitions").forEach(a -> definitions.add(new KeyAttribute(a.get("name").asText(), a.get("type").asText())));
            // Definitions written before TTL and tags existed have neither.
            Map<String, String> tags = new LinkedHashMap<>();
            json.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), tag.getValue().asText()));
            JsonNode timeToLive = json.get("timeToLiveAttribute");
            return new TableDefinition(name, json.get("id").asText(), arnOf(name), keySchema, definitions,
                    json.get("createdAt").decimalValue(), json.get("billingMode").asText(),
                    json.get("readCapacityUnits").asLong(), json.get("writeCapacityUnits").asLong(),
                    json.get("storeName").asText(), indexes, timeToLive == null ? null : timeToLive.asText(), tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalogue holds a definition that is not JSON: " + text, e);
        }
    }
}
