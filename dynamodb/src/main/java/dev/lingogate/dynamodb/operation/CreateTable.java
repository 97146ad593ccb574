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

/**
 * CreateTable: the table is ACTIVE at once, there being nothing to provision, unless the tables
 * keep AWS's CREATING window ({@link Tables}). Its declaration is
 * checked in AWS's order: the request's shape and constraints, then billing and throughput, the
 * table's keys, its local and then its global secondary indexes.
 */
public final class CreateTable implements Operation {

    /** The largest capacity AWS accepts for ReadCapacityUnits or WriteCapacityUnits. */
    static final long MOST_CAPACITY_UNITS = 1_000_000_000_000L;
    private static final int MOST_LOCAL_INDEXES = 5;
    private static final int MOST_GLOBAL_INDEXES = 20;

    private static final RequestShape SHAPE = new RequestShape()
            .required("AttributeDefinitions", Type.LIST, attributeDefinitionsConstraint())
            .controlTableName()
            .oneOf("BillingMode", "PROVISIONED", "PAY_PER_REQUEST")
            .optional("ProvisionedThroughput", Type.STRUCTURE, IndexDeclaration.provisionedThroughput(Constraint.member()))
            .required("KeySchema", Type.LIST, Constraint.member().length(1, 2).elements(Constraint.member()
                    .member("AttributeName", Constraint.notNull())
                    .member("KeyType", Constraint.notNull().oneOf("HASH", "RANGE"))))
            .optional("LocalSecondaryIndexes", Type.LIST, Constraint.member().elements(IndexDeclaration.constraint(false)))
            .optional("GlobalSecondaryIndexes", Type.LIST, Constraint.member().elements(IndexDeclaration.constraint(true)))
            .optional("Tags", Type.LIST);

    private final Tables tables;

    static Constraint attributeDefinitionsConstraint() {
        return Constraint.member().elements(Constraint.member()
                .member("AttributeName", Constraint.notNull())
                .member("AttributeType", Constraint.notNull().oneOf("B", "N", "S")));
    }

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
        String billingMode = input.path("BillingMode").asText("PROVISIONED");
        JsonNode throughput = input.get("ProvisionedThroughput");
        checkThroughput(billingMode, throughput);
        Map<String, String> definitions = attributeDefinitions(input.get("AttributeDefinitions"));
        KeySchema keySchema = IndexDeclaration.tableKeySchema(input.get("KeySchema"), definitions);
        JsonNode localIndexes = input.get("LocalSecondaryIndexes");
        JsonNode globalIndexes = input.get("GlobalSecondaryIndexes");
        if (absent(localIndexes) && absent(globalIndexes) && keySchema.attributeNames().size() != definitions.size()) {
            throw attributeCountMismatch();
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        if (!absent(localIndexes)) {
            indexes.addAll(localIndexes(localIndexes, definitions, keySchema));
        }
        if (!absent(globalIndexes)) {
            indexes.addAll(globalIndexes(globalIndexes, definitions, billingMode));
        }
        checkIndexNamesDiffer(indexes);
        checkEveryDefinitionIsAKey(definitions, keySchema, indexes);
        Map<String, String> tags = Map.of();
        JsonNode tagList = input.get("Tags");
        if (tagList != null && !tagList.isNull()) {
            // Tagging at creation needs the right to tag, as on AWS.
            request.authorize("dynamodb:TagResource", tables.arnOf(name));
            tags = TagList.checkedCount(TagList.read(tagList));
        }
        List<KeyAttribute> attributes = new ArrayList<>();
        definitions.forEach((attribute, type) -> attributes.add(new KeyAttribute(attribute, type)));
        boolean provisioned = billingMode.equals("PROVISIONED");
        BigDecimal now = BigDecimal.valueOf(System.currentTimeMillis(), 3);
        TableDefinition table = tables.create(name, keySchema, attributes, billingMode,
                provisioned ? throughput.get("ReadCapacityUnits").asLong() : 0,
                provisioned ? throughput.get("WriteCapacityUnits").asLong() : 0, now,
                UUID.randomUUID().toString(), indexes, tags);
        return AttributeValue.JSON.objectNode().set("TableDescription",
                table.describe(tables.statusOf(name), store -> new TableStatistics(0, 0)));
    }

    private static void checkThroughput(String billingMode, JsonNode throughput) {
        if (billingMode.equals("PAY_PER_REQUEST")) {
            if (!absent(throughput)) {
                throw ValidationException.invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be"
                        + " specified when BillingMode is PAY_PER_REQUEST");
            }
            return;
        }
        if (absent(throughput) || !throughput.hasNonNull("ReadCapacityUnits") || !throughput.hasNonNull("WriteCapacityUnits")) {
            throw ValidationException.invalidParameter(
                    "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        checkCapacityBounds(throughput);
    }

    /** Capacities AWS cannot provision, the read capacity's named first. */
    static void checkCapacityBounds(JsonNode throughput) {
        for (String member : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            long units = throughput.path(member).asLong();
            if (units > MOST_CAPACITY_UNITS) {
                throw new ValidationException("Given value " + units + " for " + member + " is out of bounds");
            }
        }
    }

    private static List<SecondaryIndex> localIndexes(JsonNode list, Map<String, String> definitions, KeySchema tableKey) {
        if (list.isEmpty()) {
            throw ValidationException.invalidParameter("List of LocalSecondaryIndexes is empty");
        }
        if (tableKey.sort().isEmpty()) {
            throw ValidationException.invalidParameter(
                    "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : list) {
            indexes.add(IndexDeclaration.local(index, definitions, tableKey));
            checkIndexNamesDiffer(indexes);
        }
        if (indexes.size() > MOST_LOCAL_INDEXES) {
            throw ValidationException.invalidParameter(
                    "Number of LocalSecondaryIndexes exceeds per-table limit of " + MOST_LOCAL_INDEXES);
        }
        return indexes;
    }

    private static List<SecondaryIndex> globalIndexes(JsonNode list, Map<String, String> definitions, String billingMode) {
        if (list.isEmpty()) {
            throw ValidationException.invalidParameter("List of GlobalSecondaryIndexes is empty");
        }
        List<SecondaryIndex> indexes = new ArrayList<>();
        for (JsonNode index : list) {
            indexes.add(IndexDeclaration.global(index, definitions, billingMode));
            checkIndexNamesDiffer(indexes);
        }
        if (indexes.size() > MOST_GLOBAL_INDEXES) {
            throw ValidationException.invalidParameter(
                    "GlobalSecondaryIndex count exceeds the per-table limit of " + MOST_GLOBAL_INDEXES);
        }
        return indexes;
    }

    private static void checkIndexNamesDiffer(List<SecondaryIndex> indexes) {
        Set<String> names = new HashSet<>();
        for (SecondaryIndex index : indexes) {
            if (!names.add(index.name())) {
                throw ValidationException.invalidParameter("Duplicate index name: " + index.name());
            }
        }
    }

    /** AWS keeps no attribute definition that no key of the table or of an index uses. */
    private static void checkEveryDefinitionIsAKey(Map<String, String> definitions, KeySchema keySchema,
            List<SecondaryIndex> indexes) {
        Set<String> keyAttributes = new HashSet<>(keySchema.attributeNames());
        indexes.forEach(index -> keyAttributes.addAll(index.keySchema().attributeNames()));
        if (definitions.size() != keyAttributes.size()) {
            throw attributeCountMismatch();
        }
    }

    private static ValidationException attributeCountMismatch() {
        return ValidationException.invalidParameter(
                "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    }

    private static boolean absent(JsonNode member) {
        return member == null || member.isNull();
    }

    static Map<String, String> attributeDefinitions(JsonNode list) {
        Map<String, String> definitions = new LinkedHashMap<>();
        list.forEach(definition -> definitions.put(definition.path("AttributeName").asText(),
                definition.path("AttributeType").asText()));
        return definitions;
    }
}
