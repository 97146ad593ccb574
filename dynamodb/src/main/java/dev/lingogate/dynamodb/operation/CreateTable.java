package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStatistics;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.KeySchema;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** CreateTable: the table is ACTIVE at once, there being nothing to provision. */
public final class CreateTable implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName()
            .required("KeySchema", Type.LIST)
            .required("AttributeDefinitions", Type.LIST)
            .oneOf("BillingMode", "PROVISIONED", "PAY_PER_REQUEST")
            .optional("ProvisionedThroughput", Type.STRUCTURE)
            .optional("GlobalSecondaryIndexes", Type.LIST)
            .optional("LocalSecondaryIndexes", Type.LIST)
            .optional("Tags", Type.LIST);

    private final Tables tables;

    public CreateTable(Tables tables) {
        this.tables = tables;
    }

    @Override
    public String name() {
        return "CreateTable";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:CreateTable", tables.arnOf(name));
        Map<String, String> definitions = attributeDefinitions(input.get("AttributeDefinitions"));
        KeySchema keySchema = keySchema(input.get("KeySchema"), definitions);
        String billingMode = input.path("BillingMode").asText("PROVISIONED");
        List<SecondaryIndex> indexes = new ArrayList<>();
        indexes.addAll(indexes("globalSecondaryIndexes", input.get("GlobalSecondaryIndexes"), true, definitions, keySchema, billingMode));
        indexes.addAll(indexes("localSecondaryIndexes", input.get("LocalSecondaryIndexes"), false, definitions, keySchema, billingMode));
        Set<String> keyAttributes = new HashSet<>();
        keyAttributes.add(keySchema.partition().name());
        keySchema.sort().ifPresent(sort -> keyAttributes.add(sort.name()));
        Set<String> indexNames = new HashSet<>();
        for (SecondaryIndex index : indexes) {
            if (!indexNames.add(index.name())) {
                throw ValidationException.invalidParameter("Duplicate index name: " + index.name());
            }
            keyAttributes.add(index.keySchema().partition().name());
            index.keySchema().sort().ifPresent(sort -> keyAttributes.add(sort.name()));
        }
        if (definitions.size() != keyAttributes.size()) {
            throw ValidationException.invalidParameter(
                    "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        JsonNode throughput = input.get("ProvisionedThroughput");
        long read = 0;
        long write = 0;
        if (billingMode.equals("PROVISIONED")) {
            if (throughput == null || !throughput.has("ReadCapacityUnits") || !throughput.has("WriteCapacityUnits")) {
                throw ValidationException.invalidParameter(
                        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            read = capacity(throughput, "ReadCapacityUnits");
            write = capacity(throughput, "WriteCapacityUnits");
        } else if (throughput != null && !throughput.isNull()) {
            throw ValidationException.invalidParameter(
                    "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        Map<String, String> tags = Map.of();
        JsonNode tagList = input.get("Tags");
        if (tagList != null && !tagList.isNull()) {
            // Tagging at creation needs the right to tag, as on AWS.
            request.authorize("dynamodb:TagResource", tables.arnOf(name));
            tags = TagList.checkedCount(TagList.read(tagList));
        }
        List<KeyAttribute> attributes = new ArrayList<>();
        definitions.forEach((attribute, type) -> attributes.add(new KeyAttribute(attribute, type)));
        BigDecimal now = BigDecimal.valueOf(System.currentTimeMillis(), 3);
        TableDefinition table = tables.create(name, keySchema, attributes, billingMode, read, write, now,
                UUID.randomUUID().toString(), indexes, tags);
        return AttributeValue.JSON.objectNode().set("TableDescription",
                table.describe("ACTIVE", store -> new TableStatistics(0, 0)));
    }

    /** The global or local secondary indexes a CreateTable declares, without their store yet. */
    static List<SecondaryIndex> indexes(String member, JsonNode list, boolean global, Map<String, String> definitions,
            KeySchema tableKey, String billingMode) {
        List<SecondaryIndex> indexes = new ArrayList<>();
        if (list == null || list.isNull()) {
            return indexes;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode index = list.get(i);
            String at = member + "." + (i + 1) + ".member.";
            String name = index.path("IndexName").asText();
            KeySchema keySchema = keySchema(index.path("KeySchema"), definitions);
            if (!global) {
                if (tableKey.sort().isEmpty()) {
                    throw ValidationException.invalidParameter(
                            "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
                }
                if (!keySchema.partition().name().equals(tableKey.partition().name())) {
                    throw ValidationException.invalidParameter("Index KeySchema does not have the same leading hash key as"
                            + " table KeySchema for index: " + name + ". index hash key: " + keySchema.partition().name()
                            + ", table hash key: " + tableKey.partition().name());
                }
            }
            JsonNode projection = index.get("Projection");
            if (projection == null || projection.isNull()) {
                throw new ValidationException("1 validation error detected: Value null at '" + at
                        + "projection' failed to satisfy constraint: Member must not be null");
            }
            String projectionType = projection.path("ProjectionType").asText("ALL");
            if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(projectionType)) {
                throw new ValidationException("1 validation error detected: Value '" + projectionType + "' at '" + at
                        + "projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [ALL, INCLUDE, KEYS_ONLY]");
            }
            List<String> included = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(attribute -> included.add(attribute.asText()));
            if (!included.isEmpty() && !projectionType.equals("INCLUDE")) {
                throw ValidationException.invalidParameter("ProjectionType is " + projectionType
                        + ", but NonKeyAttributes is specified");
            }
            long read = 0;
            long write = 0;
            if (global && billingMode.equals("PROVISIONED")) {
                JsonNode throughput = index.get("ProvisionedThroughput");
                if (throughput == null || throughput.isNull()) {
                    throw ValidationException.invalidParameter("ProvisionedThroughput must be specified for index: " + name);
                }
                read = capacity(throughput, "ReadCapacityUnits");
                write = capacity(throughput, "WriteCapacityUnits");
            }
            indexes.add(new SecondaryIndex(name, global, keySchema, projectionType, included, read, write, null));
        }
        return indexes;
    }

    private static long capacity(JsonNode throughput, String member) {
        long units = throughput.get(member).asLong();
        if (units < 1) {
            throw new ValidationException("1 validation error detected: Value '" + units + "' at 'provisionedThroughput."
                    + Character.toLowerCase(member.charAt(0)) + member.substring(1)
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return units;
    }

    static Map<String, String> attributeDefinitions(JsonNode list) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (JsonNode definition : list) {
            String type = definition.path("AttributeType").asText();
            if (!Set.of("S", "N", "B").contains(type)) {
                throw new ValidationException("1 validation error detected: Value '" + type
                        + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint: Member must satisfy"
                        + " enum value set: [B, N, S]");
            }
            definitions.put(definition.path("AttributeName").asText(), type);
        }
        return definitions;
    }

    private static KeySchema keySchema(JsonNode list, Map<String, String> definitions) {
        if (list.isEmpty() || list.size() > 2) {
            throw new ValidationException("1 validation error detected: Value '" + list + "' at 'keySchema' failed to satisfy"
                    + " constraint: Member must have length " + (list.isEmpty() ? "greater than or equal to 1" : "less than or equal to 2"));
        }
        if (!"HASH".equals(list.get(0).path("KeyType").asText())) {
            throw new ValidationException("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (list.size() == 2 && !"RANGE".equals(list.get(1).path("KeyType").asText())) {
            throw new ValidationException("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        List<String> keyNames = new ArrayList<>();
        list.forEach(element -> keyNames.add(element.path("AttributeName").asText()));
        if (list.size() == 2 && keyNames.get(0).equals(keyNames.get(1))) {
            throw new ValidationException("Invalid KeySchema: Some index key attribute have no definition");
        }
        if (!definitions.keySet().containsAll(keyNames)) {
            throw ValidationException.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + keyNames + ", AttributeDefinitions: " + new ArrayList<>(definitions.keySet()));
        }
        KeyAttribute partition = new KeyAttribute(keyNames.get(0), definitions.get(keyNames.get(0)));
        Optional<KeyAttribute> sort = list.size() == 2
                ? Optional.of(new KeyAttribute(keyNames.get(1), definitions.get(keyNames.get(1))))
                : Optional.empty();
        return new KeySchema(partition, sort);
    }
}
