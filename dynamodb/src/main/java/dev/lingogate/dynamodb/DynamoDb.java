package dev.lingogate.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lingogate.dynamodb.model.ProvisionedThroughputExceededException;
import dev.lingogate.dynamodb.operation.ExpiredItems;
import dev.lingogate.dynamodb.operation.Operation;
import dev.lingogate.dynamodb.operation.Operations;
import dev.lingogate.dynamodb.storage.SqliteTableStore;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsService;
import dev.lingogate.edge.BacklogLimit;
import dev.lingogate.edge.json.EndpointTraits;
import dev.lingogate.edge.json.JsonOperation;
import dev.lingogate.edge.json.JsonProtocolService;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Amazon DynamoDB, locally: its JSON protocol ({@code DynamoDB_20120810.*}) over tables kept in
 * SQLite under one data directory, which survive restarts.
 */
public final class DynamoDb implements AutoCloseable {

    private static final String REQUEST_ID_SYMBOLS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SqliteTableStore store;
    private final Tables tables;
    private final JsonProtocolService service;
    private ExpirySweep expirySweep;

    private DynamoDb(SqliteTableStore store, Tables tables, JsonProtocolService service) {
        this.store = store;
        this.tables = tables;
        this.service = service;
    }

    /** Opens the tables under {@code dataDir}, creating the directory and database when new. */
    public static DynamoDb open(Path dataDir, String region, String accountId) {
        return open(dataDir, region, accountId, Duration.ZERO);
    }

    /**
     * Opens the tables under {@code dataDir}; a table created or deleted stays CREATING or DELETING
     * for {@code tableStatusWindow}, as on AWS, where zero makes it ACTIVE or gone at once.
     */
    public static DynamoDb open(Path dataDir, String region, String accountId, Duration tableStatusWindow) {
        return open(dataDir, region, accountId, tableStatusWindow, SqliteTableStore.WRITE_BACKLOG);
    }

    /**
     * Opens the tables under {@code dataDir} as {@link #open(Path, String, String, Duration)} does, where
     * at most {@code writeBacklog} waits for the one writer: a write past it, and a call the edge has no
     * worker backlog left for, is answered {@code ProvisionedThroughputExceededException}, which the
     * AWS SDKs retry with back-off.
     */
    public static DynamoDb open(Path dataDir, String region, String accountId, Duration tableStatusWindow,
            BacklogLimit writeBacklog) {
        ObjectMapper mapper = JsonMapper.builder().build();
        SqliteTableStore store = SqliteTableStore.open(dataDir, writeBacklog);
        Tables tables = new Tables(store, mapper, region, accountId, Clock.systemUTC(), tableStatusWindow);
        Map<String, JsonOperation> operations = new LinkedHashMap<>();
        for (Operation operation : Operations.all(tables, store, mapper)) {
            operations.put(operation.name(), JsonOperation.answeringLater(operation::call, operation.mayBlock()));
        }
        return new DynamoDb(store, tables, new JsonProtocolService("dynamodb", "DynamoDB_20120810.",
                "com.amazonaws.dynamodb.v20120810#", "application/x-amz-json-1.0", operations, mapper)
                .owningTheEndpoint(new EndpointTraits("healthy: dynamodb." + region + ".amazonaws.com ", true,
                        DynamoDb::newRequestId))
                .overloadedAs(ProvisionedThroughputExceededException::new));
    }

    /** DynamoDB names each request with 52 upper-case letters and digits. */
    private static String newRequestId() {
        char[] id = new char[52];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < id.length; i++) {
            id[i] = REQUEST_ID_SYMBOLS.charAt(random.nextInt(REQUEST_ID_SYMBOLS.length()));
        }
        return new String(id);
    }

    /** What the edge serves. */
    public AwsService service() {
        return service;
    }

    /**
     * Starts deleting expired items (TTL) in the background, every {@code interval}, on Vert.x
     * worker threads, until this is closed. AWS deletes within days of expiry; a few seconds here.
     */
    public synchronized void sweepExpiredItems(Vertx vertx, Duration interval) {
        if (expirySweep != null) {
            throw new IllegalStateException("expired items are already being swept");
        }
        expirySweep = new ExpirySweep(vertx, new ExpiredItems(tables, store), Clock.systemUTC(), interval);
    }

    @Override
    public synchronized void close() {
        if (expirySweep != null) {
            expirySweep.close();
        }
        store.close();
    }
}
