package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import dev.lingogate.dynamodb.operation.RequestShape.Type;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.KeyAttribute;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsException;
import dev.lingogate.edge.AwsRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: adds or removes a global secondary index, changes an index's throughput, or the
 * table's billing mode. A new index is filled from the table's items in the same transaction that
 * creates it, so it is ACTIVE, and complete, when the call returns. The request is checked in
 * AWS's order: shape and constraints, what it asks for, then against the table.
 */
public final class UpdateTable implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName()
            .optional("ProvisionedThroughput", Type.STRUCTURE, IndexDeclaration.provisionedThroughput(Constraint.member()))
            .oneOf("BillingMode", "PROVISIONED", "PAY_PER_REQUEST")
            .optional("GlobalSecondaryIndexUpdates", Type.LIST, Constraint.member().elements(Constraint.member()
                    .member("Update", Constraint.member().member("IndexName", IndexDeclaration.indexName())
                            .member("ProvisionedThroughput", IndexDeclaration.provisionedThroughput(Constraint.notNull())))
                    .member("Create", IndexDeclaration.creation())
                    .member("Delete", Constraint.member().member("IndexName", IndexDeclaration.indexName()))))
            .optional("AttributeDefinitions", Type.LIST, CreateTable.attributeDefinitionsConstraint());

    private final Tables tables;
    private final TableStore store;

    UpdateTable(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    @Override
    public String name() {
        return "UpdateTable";
    }

    @Override
    public RequestShape shape() {
        return SHAPE;
    }

    @Override
    public JsonNode run(JsonNode input, AwsRequest request) {
        String name = input.get("TableName").asText();
        request.authorize("dynamodb:UpdateTable", tables.arnOf(name));
        JsonNode updates = input.get("GlobalSecondaryIndexUpdates");
        JsonNode throughput = input.get("ProvisionedThroughput");
        boolean billing = input.hasNonNull("BillingMode") || present(throughput);
        boolean indexUpdates = present(updates) && !updates.isEmpty();
        if (!indexUpdates && !billing) {
            throw new ValidationException("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if (input.path("BillingMode").asText().equals("PROVISIONED") && !present(throughput)) {
            throw ValidationException.invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        if (present(throughput)) {
            CreateTable.checkCapacityBounds(throughput);
        }
        if (indexUpdates) {
            checkOneActionPerIndex(updates);
        }
        TableDefinition table = tables.describe(name);
        if (billing) {
            table = changeBilling(table, input);
        }
        if (indexUpdates) {
            table = updateIndexes(table, updates, input.get("AttributeDefinitions"));
        }
        return AttributeValue.JSON.objectNode().set("TableDescription", table.describe(tables.statusOf(name), store::statistics));
    }

    /** Each update names one action, and no index is updated twice in one call. */
    private static void checkOneActionPerIndex(JsonNode updates) {
        Set<String> indexNames = new HashSet<>();
        for (JsonNode update : updates) {
            JsonNode action = update.hasNonNull("Update") ? update.get("Update")
                    : update.hasNonNull("Create") ? update.get("Create") : update.get("Delete");
            if (!present(action)) {
                throw ValidationException.invalidParameter("One of GlobalSecondaryIndexUpdate.Update,"
                        + " GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            String indexName = action.path("IndexName").asText();
            if (!indexNames.add(indexName)) {
                throw ValidationException.invalidParameter("Only one global secondary index update per index is allowed"
                        + " simultaneously. Index: " + indexName);
            }
        }
    }

    private TableDefinition changeBilling(TableDefinition table, JsonNode input) {
        String mode = input.path("BillingMode").asText(table.billingMode());
        JsonNode throughput = input.get("ProvisionedThroughput");
        if (mode.equals("PAY_PER_REQUEST")) {
            if (present(throughput)) {
                throw ValidationException.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return tables.changeBilling(table.name(), mode, 0, 0);
        }
        if (!present(throughput)) {
            throw ValidationException.invalidParameter(
                    "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        long read = throughput.path("ReadCapacityUnits").asLong();
        long write = throughput.path("WriteCapacityUnits").asLong();
        if (table.billingMode().equals("PROVISIONED") && read == table.readCapacityUnits()
                && write == table.writeCapacityUnits()) {
            throw unchangedThroughput(table.readCapacityUnits(), table.writeCapacityUnits());
        }
        return tables.changeBilling(table.name(), mode, read, write);
    }

    private static ValidationException unchangedThroughput(long read, long write) {
        return new ValidationException("The provisioned throughput for the table will not change. The requested value"
                + " equals the current value. Current ReadCapacityUnits provisioned for the table: " + read
                + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the table: "
                + write + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB Developer Guide"
                + " for current limits and how to request higher limits.");
    }

    /**
     * Throughput changes of existing indexes, then at most one index created or deleted: AWS builds
     * or drops one online index at a time.
     */
    private TableDefinition updateIndexes(TableDefinition table, JsonNode updates, JsonNode newDefinitions) {
        List<JsonNode> structural = new ArrayList<>();
        for (JsonNode update : updates) {
            if (update.hasNonNull("Update")) {
                table = changeIndexThroughput(table, update.get("Update"));
            } else {
                structural.add(update);
            }
        }
        if (structural.size() > 1) {
            throw new AwsException(400, "LimitExceededException",
                    "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
        }
        for (JsonNode update : structural) {
            table = update.hasNonNull("Create") ? create(table, update.get("Create"), newDefinitions)
                    : delete(table, update.get("Delete").path("IndexName").asText());
        }
        return table;
    }

    private TableDefinition changeIndexThroughput(TableDefinition table, JsonNode update) {
        JsonNode throughput = update.get("ProvisionedThroughput");
        long read = throughput.path("ReadCapacityUnits").asLong();
        long write = throughput.path("WriteCapacityUnits").asLong();
        if (read > CreateTable.MOST_CAPACITY_UNITS || write > CreateTable.MOST_CAPACITY_UNITS) {
            throw new ValidationException("This operation cannot be performed with given input values. Please contact"
                    + " DynamoDB service team for more info: Action Blocked: IndexUpdate");
        }
        SecondaryIndex index = existingGlobalIndex(table, update.path("IndexName").asText());
        if (read == index.readCapacityUnits() && write == index.writeCapacityUnits()) {
            throw unchangedThroughput(read, write);
        }
        return tables.changeIndexThroughput(table.name(), index, read, write);
    }

    private TableDefinition create(TableDefinition table, JsonNode create, JsonNode newDefinitions) {
        Map<String, String> definitions = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(definition -> definitions.put(definition.name(), definition.type()));
        if (present(newDefinitions)) {
            definitions.putAll(CreateTable.attributeDefinitions(newDefinitions));
        }
        if (table.index(create.path("IndexName").asText()) != null) {
            throw new ValidationException("Attempting to create an index which already exists");
        }
        SecondaryIndex index = IndexDeclaration.global(create, definitions, table.billingMode());
        List<KeyAttribute> attributes = new ArrayList<>();
        definitions.forEach((attribute, type) -> attributes.add(new KeyAttribute(attribute, type)));
        return tables.addIndex(table.name(), index, attributes,
                (stored, item) -> IndexEntries.of(stored, table.keySchema(), item));
    }

    private TableDefinition delete(TableDefinition table, String indexName) {
        return tables.dropIndex(table.name(), existingGlobalIndex(table, indexName));
    }

    private static SecondaryIndex existingGlobalIndex(TableDefinition table, String indexName) {
        SecondaryIndex index = table.index(indexName);
        if (index == null || !index.global()) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Index: "
                    + indexName + " not found");
        }
        return index;
    }

    private static boolean present(JsonNode member) {
        return member != null && !member.isNull();
    }
}
