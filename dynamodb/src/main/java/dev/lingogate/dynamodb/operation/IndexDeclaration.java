package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.KeySchema;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A key schema or secondary index as a CreateTable or UpdateTable declares it, checked in the order
 * AWS checks it, after the request's shape: key attributes defined, hash and range keys named apart
 * and in their places, then the index's own rules (a local index shares the table's hash key and has
 * a range key; a projection names its type, and only INCLUDE lists attributes).
 */
final class IndexDeclaration {

    /** The members of a secondary index AWS constrains, for a GSI with its throughput. */
    static Constraint constraint(boolean global) {
        Constraint index = Constraint.member().member("IndexName", indexName()).member("KeySchema", keySchema())
                .member("Projection", projection());
        return global ? index.member("ProvisionedThroughput", provisionedThroughput(Constraint.member())) : index;
    }

    /** A GSI that UpdateTable creates: its members constrained as in CreateTable. */
    static Constraint creation() {
        return Constraint.member().member("Projection", projection()).member("IndexName", indexName())
                .member("ProvisionedThroughput", provisionedThroughput(Constraint.member())).member("KeySchema", keySchema());
    }

    static Constraint indexName() {
        return Constraint.notNull().pattern("[a-zA-Z0-9_.-]+").length(3, 255);
    }

    /**
     * Both capacities present and at least 1, as AWS constrains them wherever throughput is given;
     * {@code presence} says whether the throughput itself must be.
     */
    static Constraint provisionedThroughput(Constraint presence) {
        return presence.member("WriteCapacityUnits", Constraint.notNull().atLeast(1))
                .member("ReadCapacityUnits", Constraint.notNull().atLeast(1));
    }

    private static Constraint keySchema() {
        return Constraint.notNull().length(1, 2).elements(Constraint.member()
                .member("AttributeName", Constraint.notNull()).member("KeyType", Constraint.notNull()));
    }

    private static Constraint projection() {
        return Constraint.notNull()
                .member("ProjectionType", Constraint.member().oneOf("ALL", "INCLUDE", "KEYS_ONLY"))
                .member("NonKeyAttributes", Constraint.member().length(1, Integer.MAX_VALUE));
    }

    private IndexDeclaration() {
    }

    /** The table's own key schema: no more keys than definitions, then as any index's. */
    static KeySchema tableKeySchema(JsonNode list, Map<String, String> definitions) {
        if (list.size() > definitions.size()) {
            throw new ValidationException("Invalid KeySchema: Some index key attribute have no definition");
        }
        return keySchema(list, definitions);
    }

    static KeySchema keySchema(JsonNode list, Map<String, String> definitions) {
        List<String> names = new ArrayList<>();
        list.forEach(element -> names.add(element.path("AttributeName").asText()));
        if (!definitions.keySet().containsAll(names)) {
            throw ValidationException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions."
                    + " Keys: " + names + ", AttributeDefinitions: " + new ArrayList<>(definitions.keySet()));
        }
        if (names.size() == 2 && names.get(0).equals(names.get(1))) {
            throw new ValidationException("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        if (!"HASH".equals(list.get(0).path("KeyType").asText())) {
            throw new ValidationException("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (list.size() == 2 && !"RANGE".equals(list.get(1).path("KeyType").asText())) {
            throw new ValidationException("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        KeyAttribute partition = new KeyAttribute(names.get(0), definitions.get(names.get(0)));
        Optional<KeyAttribute> sort = names.size() == 2
                ? Optional.of(new KeyAttribute(names.get(1), definitions.get(names.get(1))))
                : Optional.empty();
        return new KeySchema(partition, sort);
    }

    /** A local secondary index of a table keyed {@code tableKey}. */
    static SecondaryIndex local(JsonNode index, Map<String, String> definitions, KeySchema tableKey) {
        String name = index.path("IndexName").asText();
        KeySchema keySchema = keySchema(index.get("KeySchema"), definitions);
        if (keySchema.sort().isEmpty()) {
            throw ValidationException.invalidParameter("Index KeySchema does not have a range key for index: " + name);
        }
        if (!keySchema.partition().name().equals(tableKey.partition().name())) {
            throw ValidationException.invalidParameter("Index KeySchema does not have the same leading hash key as"
                    + " table KeySchema for index: " + name + ". index hash key: " + keySchema.partition().name()
                    + ", table hash key: " + tableKey.partition().name());
        }
        JsonNode projection = index.get("Projection");
        return new SecondaryIndex(name, false, keySchema, projectionType(projection), nonKeyAttributes(projection), 0, 0,
                null);
    }

    /** A global secondary index of a table billed {@code billingMode}. */
    static SecondaryIndex global(JsonNode index, Map<String, String> definitions, String billingMode) {
        String name = index.path("IndexName").asText();
        KeySchema keySchema = keySchema(index.get("KeySchema"), definitions);
        JsonNode projection = index.get("Projection");
        String projectionType = projectionType(projection);
        JsonNode throughput = index.get("ProvisionedThroughput");
        boolean hasThroughput = throughput != null && !throughput.isNull();
        if (billingMode.equals("PAY_PER_REQUEST") && hasThroughput) {
            throw ValidationException.invalidParameter("ProvisionedThroughput should not be specified for index: " + name
                    + " when BillingMode is PAY_PER_REQUEST");
        }
        if (billingMode.equals("PROVISIONED") && !hasThroughput) {
            throw ValidationException.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
        }
        long read = hasThroughput ? throughput.get("ReadCapacityUnits").asLong() : 0;
        long write = hasThroughput ? throughput.get("WriteCapacityUnits").asLong() : 0;
        return new SecondaryIndex(name, true, keySchema, projectionType, nonKeyAttributes(projection), read, write, null);
    }

    private static String projectionType(JsonNode projection) {
        JsonNode type = projection.get("ProjectionType");
        if (type == null || type.isNull()) {
            throw ValidationException.invalidParameter("Unknown ProjectionType: null");
        }
        if (projection.hasNonNull("NonKeyAttributes") && !type.asText().equals("INCLUDE")) {
            throw ValidationException.invalidParameter("ProjectionType is " + type.asText()
                    + ", but NonKeyAttributes is specified");
        }
        return type.asText();
    }

    private static List<String> nonKeyAttributes(JsonNode projection) {
        List<String> attributes = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(attribute -> attributes.add(attribute.asText()));
        return attributes;
    }
}
