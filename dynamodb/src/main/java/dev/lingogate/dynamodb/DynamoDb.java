package dev.lingogate.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lingogate.dynamodb.operation.Operation;
import dev.lingogate.dynamodb.operation.Operations;
import dev.lingogate.dynamodb.storage.SqliteTableStore;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amazon DynamoDB, locally: its JSON protocol ({@code DynamoDB_20120810.*}) over tables kept in
 * SQLite under one data directory, which survive restarts.
 */
public final class DynamoDb implements AutoCloseable {

    private final SqliteTableStore store;
    private final JsonProtocolService service;

    private DynamoDb(SqliteTableStore store, JsonProtocolService service) {
        this.store = store;
        this.service = service;
    }

    /** Opens the tables under {@code dataDir}, creating the directory and database when new. */
    public static DynamoDb open(Path dataDir, String region, String accountId) {
        ObjectMapper mapper = JsonMapper.builder().build();
        SqliteTableStore store = SqliteTableStore.open(dataDir);
        Tables tables = new Tables(store, mapper, region, accountId);
        Map<String, JsonOperation> operations = new LinkedHashMap<>();
        for (Operation operation : Operations.all(tables, store, mapper)) {
            operations.put(operation.name(), operation::call);
        }
        return new DynamoDb(store, new JsonProtocolService("dynamodb", "DynamoDB_20120810.",
                "com.amazonaws.dynamodb.v20120810#", "application/x-amz-json-1.0", operations, mapper));
    }

    /** What the edge serves. */
    public AwsService service() {
        return service;
    }

    @Override
    public void close() {
        store.close();
    }
}
