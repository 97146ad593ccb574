package dev.lingogate.dynamodb;

import static dev.lingogate.dynamodb.ItemsTest.n;
import static dev.lingogate.dynamodb.ItemsTest.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The edge killed with SIGKILL while sixteen clients write, then started again on the same file:
 * every write it acknowledged is there, and no transaction is there in part. Each test repeats this
 * for {@code -Ddurability.rounds} rounds (3 unless told; the measurement run takes 10).
 */
class KillNineTest {

    private static final int CLIENTS = 16;
    /** Clients creating and deleting tables beside the sixteen that write items. */
    private static final int TABLE_CLIENTS = 2;
    private static final int ROUNDS = Integer.getInteger("durability.rounds", 3);
    /** How many acknowledged writes a round waits for before it kills: mid-stream, never at rest. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesTransactionsAndTablesSurviveKillNineMidStream() throws Exception {
        Path dataDir = workDir.resolve("data");
        Set<String> puts = ConcurrentHashMap.newKeySet();
        Set<String> transactions = ConcurrentHashMap.newKeySet();
        TableChanges tables = new TableChanges();
        for (int round = 0; round < ROUNDS; round++) {
            String thisRound = "r" + round;
            try (EdgeProcess edge = start(dataDir)) {
                DynamoDbClient dynamo = edge.client();
                if (round == 0) {
                    for (String table : List.of("Acknowledged", "Orders", "Ledger")) {
                        dynamo.createTable(TablesTest.table(table, false));
                    }
                }
                assertThat(idsIn(dynamo, "Acknowledged")).as("puts before round %d", round).containsAll(puts);
                assertNoTransactionIsHalfApplied(dynamo, transactions);
                tables.assertUsable(dynamo);

                List<ClientWrite> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String client = thisRound + "-c" + c;
                    // Half the clients put single items, half commit three writes over two tables at once.
                    clients.add(c % 2 == 0 ? i -> put(dynamo, client + "-" + i, puts)
                            : i -> transact(dynamo, client, client + "-" + i, transactions));
                }
                for (int c = 0; c < TABLE_CLIENTS; c++) {
                    String client = thisRound + "-t" + c;
                    clients.add(i -> tables.createAndDropEveryOther(dynamo, "T-" + client + "-" + i, i));
                }
                runUntilKilled(edge, clients);
            }
            assertThat(storesWithoutATable(dataDir)).as("item stores no catalogue entry names").isEmpty();
        }
        try (EdgeProcess edge = start(dataDir)) {
            assertThat(idsIn(edge.client(), "Acknowledged")).containsAll(puts);
            assertNoTransactionIsHalfApplied(edge.client(), transactions);
            tables.assertUsable(edge.client());
        }
    }

    private static void put(DynamoDbClient dynamo, String id, Set<String> acknowledged) {
        dynamo.putItem(r -> r.tableName("Acknowledged").item(Map.of("id", s(id), "payload", s("x".repeat(250)))));
        acknowledged.add(id);
    }

    /** An order, its ledger line and the client's count of orders, all or nothing. */
    private static void transact(DynamoDbClient dynamo, String client, String id, Set<String> acknowledged) {
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("Orders").item(Map.of("id", s(id)))
                        .conditionExpression("attribute_not_exists(id)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName("Ledger").item(Map.of("id", s(id), "client", s(client)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("Ledger").key(Map.of("id", s("count-" + client)))
                        .updateExpression("ADD placed :one").expressionAttributeValues(Map.of(":one", n("1")))).build()));
        acknowledged.add(id);
    }

    private EdgeProcess start(Path dataDir) throws Exception {
        return EdgeProcess.start(dataDir, workDir.resolve("edge.log"));
    }

    /** One client's stream of writes: its i-th write, returning once acknowledged. */
    private interface ClientWrite {
        void write(int sequence);
    }

    /**
     * Runs every client at once, each writing one write after another, kills the edge once
     * {@link #ACKNOWLEDGED_BEFORE_KILL} writes were acknowledged, and waits for every client to hear of it.
     */
    private static void runUntilKilled(EdgeProcess edge, List<ClientWrite> clients) throws Exception {
        AtomicInteger acknowledgedNow = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ClientWrite client : clients) {
                running.add(pool.submit(() -> {
                    for (int i = 0; ; i++) {
                        try {
                            client.write(i);
                        } catch (SdkClientException killed) {
                            // The connection broke or was refused: the edge is gone, and this write
                            // was never acknowledged, so it may or may not be there.
                            return;
                        }
                        acknowledgedNow.incrementAndGet();
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledgedNow.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            edge.kill();
            for (Future<?> client : running) {
                client.get(30, TimeUnit.SECONDS);
            }
            assertThat(acknowledgedNow.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<String> idsIn(DynamoDbClient dynamo, String table) {
        Set<String> ids = new HashSet<>();
        dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()
                .forEach(item -> ids.add(item.get("id").s()));
        return ids;
    }

    private static void assertNoTransactionIsHalfApplied(DynamoDbClient dynamo, Set<String> acknowledged) {
        Set<String> orders = idsIn(dynamo, "Orders");
        Map<String, Map<String, AttributeValue>> ledger = new HashMap<>();
        dynamo.scanPaginator(r -> r.tableName("Ledger").consistentRead(true)).items()
                .forEach(item -> ledger.put(item.get("id").s(), item));
        Set<String> ledgerOrders = new HashSet<>(ledger.keySet());
        ledgerOrders.removeIf(id -> id.startsWith("count-"));
        assertThat(orders).containsAll(acknowledged).isEqualTo(ledgerOrders);
        Map<String, Long> placedBy = new HashMap<>();
        ledger.values().stream().filter(line -> line.containsKey("client"))
                .forEach(line -> placedBy.merge(line.get("client").s(), 1L, Long::sum));
        ledger.forEach((id, line) -> {
            if (id.startsWith("count-")) {
                assertThat(Long.parseLong(line.get("placed").n())).as(id).isEqualTo(placedBy.getOrDefault(id.substring(6), 0L));
            }
        });
        placedBy.keySet().forEach(client -> assertThat(ledger).as("count of " + client).containsKey("count-" + client));
    }

    /** Tables created, and every other one deleted at once, by clients that may be cut short anywhere. */
    private static final class TableChanges {

        private final Set<String> created = ConcurrentHashMap.newKeySet();
        private final Set<String> creating = ConcurrentHashMap.newKeySet();
        private final Set<String> deleting = ConcurrentHashMap.newKeySet();
        private final Set<String> deleted = ConcurrentHashMap.newKeySet();

        void createAndDropEveryOther(DynamoDbClient dynamo, String name, int sequence) {
            creating.add(name);
            dynamo.createTable(TablesTest.table(name, true));
            created.add(name);
            creating.remove(name);
            if (sequence % 2 == 1) {
                deleting.add(name);
                dynamo.deleteTable(r -> r.tableName(name));
                deleted.add(name);
            }
        }

        /**
         * Every table listed works; every table acknowledged created and never asked to be deleted
         * is listed, none acknowledged deleted is; a table whose creation the kill cut short is
         * either listed (and so works) or can be created afresh under its name.
         */
        void assertUsable(DynamoDbClient dynamo) {
            Set<String> listed = new HashSet<>(dynamo.listTablesPaginator(r -> { }).tableNames().stream()
                    .filter(name -> name.startsWith("T-")).toList());
            Set<String> kept = new HashSet<>(created);
            kept.removeAll(deleting);
            assertThat(listed).containsAll(kept);
            assertThat(deleted).as("tables acknowledged deleted").noneMatch(listed::contains);
            for (String name : listed) {
                assertThat(dynamo.describeTable(r -> r.tableName(name)).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
                Map<String, AttributeValue> key = Map.of("pk", s("probe"), "sk", n("1"));
                dynamo.putItem(r -> r.tableName(name).item(key));
                assertThat(dynamo.getItem(r -> r.tableName(name).key(key).consistentRead(true)).item()).isEqualTo(key);
            }
            for (String cutShort : Set.copyOf(creating)) {
                if (!listed.contains(cutShort)) {
                    dynamo.createTable(TablesTest.table(cutShort, true));
                }
                created.add(cutShort);
            }
            creating.clear();
        }
    }

    /** SQLite tables of items or index entries that no catalogue entry names: what a torn CreateTable or DeleteTable would leave. */
    private static Set<String> storesWithoutATable(Path dataDir) throws Exception {
        Set<String> stores = new HashSet<>();
        Set<String> named = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dynamodb.sqlite"))) {
            try (ResultSet rs = db.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'items_%'")) {
                while (rs.next()) {
                    stores.add(rs.getString(1));
                }
            }
            try (ResultSet rs = db.createStatement().executeQuery("SELECT definition FROM catalogue")) {
                while (rs.next()) {
                    String definition = rs.getString(1);
                    for (String store : stores) {
                        if (definition.contains("\"" + store + "\"")) {
                            named.add(store);
                        }
                    }
                }
            }
        }
        stores.removeAll(named);
        return stores;
    }
}
