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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateTable: adds or removes a global secondary index, or changes the billing mode. A new index is
 * filled from the table's items in the same transaction that creates it, so it is ACTIVE, and
 * complete, when the call returns.
 */
public final class UpdateTable implements Operation {

    private static final RequestShape SHAPE = new RequestShape().controlTableName()
            .optional("AttributeDefinitions", Type.LIST)
            .optional("GlobalSecondaryIndexUpdates", Type.LIST)
            .oneOf("BillingMode", "PROVISIONED", "PAY_PER_REQUEST")
            .optional("ProvisionedThroughput", Type.STRUCTURE);

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
        TableDefinition table = tables.describe(name);
        JsonNode updates = input.get("GlobalSecondaryIndexUpdates");
        boolean billing = input.hasNonNull("BillingMode") || input.hasNonNull("ProvisionedThroughput");
        if ((updates == null || updates.isNull() || updates.isEmpty()) && !billing) {
            throw new ValidationException("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        if (billing) {
            table = changeBilling(table, input);
        }
        if (updates != null && !updates.isNull() && !updates.isEmpty()) {
            if (updates.size() > 1) {
                throw new AwsException(400, "LimitExceededException",
                        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
            }
            JsonNode update = updates.get(0);
            if (update.hasNonNull("Create")) {
                table = create(table, update.get("Create"), input.get("AttributeDefinitions"));
            } else if (update.hasNonNull("Delete")) {
                table = delete(table, update.get("Delete").path("IndexName").asText());
            } else {
                throw new ValidationException("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate"
                        + " actions Create or Delete must be specified");
            }
        }
        return AttributeValue.JSON.objectNode().set("TableDescription", table.describe("ACTIVE", store::statistics));
    }

    private TableDefinition changeBilling(TableDefinition table, JsonNode input) {
        String mode = input.path("BillingMode").asText(table.billingMode());
        JsonNode throughput = input.get("ProvisionedThroughput");
        if (mode.equals("PAY_PER_REQUEST")) {
            if (throughput != null && !throughput.isNull()) {
                throw ValidationException.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return tables.changeBilling(table.name(), mode, 0, 0);
        }
        if (throughput == null || throughput.isNull()) {
            throw ValidationException.invalidParameter(
                    "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        }
        return tables.changeBilling(table.name(), mode, throughput.path("ReadCapacityUnits").asLong(),
                throughput.path("WriteCapacityUnits").asLong());
    }

    private TableDefinition create(TableDefinition table, JsonNode create, JsonNode newDefinitions) {
        Map<String, String> definitions = new LinkedHashMap<>();
        table.attributeDefinitions().forEach(definition -> definitions.put(definition.name(), definition.type()));
        if (newDefinitions != null && !newDefinitions.isNull()) {
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
        SecondaryIndex index = table.index(indexName);
        if (index == null || !index.global()) {
            throw new AwsException(400, "ResourceNotFoundException", "Requested resource not found: Index: "
                    + indexName + " not found");
        }
        return tables.dropIndex(table.name(), index);
    }
}
