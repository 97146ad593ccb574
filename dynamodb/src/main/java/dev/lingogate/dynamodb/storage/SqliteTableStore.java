package dev.lingogate.dynamodb.storage;

import dev.lingogate.edge.BacklogLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tables in ONE SQLite database file, {@code dynamodb.sqlite}, in WAL mode with
 * {@code synchronous=FULL}. One file rather than a file per table because:
 * <ul>
 * <li>SQLite commits a transaction across attached files atomically only without WAL, so
 * TransactWriteItems over several tables needs them in one file to be all-or-nothing;</li>
 * <li>one file has one write-ahead log, so a group commit can make writes to many tables durable
 * with a single fsync.</li>
 * </ul>
 * Each DynamoDB table is a {@code WITHOUT ROWID} SQLite table clustered on (partition, sort) in
 * {@link KeyEncoding}'s order; its definition is a row of {@code catalogue}. Writes go through one
 * connection, committed in groups by {@link GroupCommit} (SQLite has one writer anyway), reads
 * through a small pool of connections that WAL lets run beside the writer.
 */
public final class SqliteTableStore implements TableStore {

    /**
     * Recorded in PRAGMA user_version; a later layout migrates from it. 1: catalogue and item
     * tables; 2: client_tokens, TransactWriteItems' spent ClientRequestTokens.
     */
    static final int SCHEMA_VERSION = 2;
    private static final int READERS = 4;

    /**
     * By default four full batches may wait for the writer, the one being committed included (about
     * 150 ms of PutItems at the 13,000 a second the benchmark measured), holding at most 32 MB: two
     * of the largest requests the edge reads, or 80 items of DynamoDB's largest size.
     */
    public static final BacklogLimit WRITE_BACKLOG = new BacklogLimit(4 * GroupCommit.MOST_WRITES_PER_COMMIT,
            32L * 1024 * 1024);

    private final AtomicLong schemaGeneration = new AtomicLong();
    private final GroupCommit writer;
    private final WalCheckpoint checkpoint;
    private final BlockingQueue<SqliteConnection> readers = new ArrayBlockingQueue<>(READERS);

    private SqliteTableStore(SqliteConnection writer, WalCheckpoint checkpoint, BacklogLimit writeBacklog) {
        this.checkpoint = checkpoint;
        this.writer = new GroupCommit(writer, schemaGeneration::get, checkpoint::committed, writeBacklog);
    }

    public static SqliteTableStore open(Path directory) {
        return open(directory, WRITE_BACKLOG);
    }

    /** Opens the tables in {@code directory}, where at most {@code writeBacklog} may wait for the writer. */
    public static SqliteTableStore open(Path directory, BacklogLimit writeBacklog) {
        try {
            Files.createDirectories(directory);
            String url = "jdbc:sqlite:" + directory.resolve("dynamodb.sqlite").toAbsolutePath();
            SqliteConnection writer = new SqliteConnection(url);
            writer.execute("PRAGMA journal_mode = WAL");
            // The log is copied into the database by WalCheckpoint's thread, never inside a commit.
            writer.execute("PRAGMA wal_autocheckpoint = 0");
            int version;
            try (ResultSet rs = writer.jdbc().createStatement().executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new IllegalStateException(directory + " was written by a newer Lingogate (schema version "
                        + version + ", this one knows " + SCHEMA_VERSION + ")");
            }
            if (version < 1) {
                writer.execute("CREATE TABLE IF NOT EXISTS catalogue (name TEXT PRIMARY KEY, store TEXT NOT NULL,"
                        + " definition TEXT NOT NULL)");
            }
            if (version < 2) {
                writer.execute("CREATE TABLE IF NOT EXISTS client_tokens (token TEXT PRIMARY KEY, digest BLOB NOT NULL,"
                        + " used_at INTEGER NOT NULL)");
            }
            if (version < SCHEMA_VERSION) {
                writer.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            SqliteTableStore store = new SqliteTableStore(writer, new WalCheckpoint(new SqliteConnection(url), writer),
                    writeBacklog);
            for (int i = 0; i < READERS; i++) {
                store.readers.add(new SqliteConnection(url));
            }
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new StorageException("cannot open the tables in " + directory, e);
        }
    }

    @Override
    public Map<String, String> catalogue() {
        return reading(connection -> {
            Map<String, String> tables = new LinkedHashMap<>();
            try (ResultSet rs = connection.statement("SELECT name, definition FROM catalogue ORDER BY name").executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), rs.getString(2));
                }
            }
            return tables;
        });
    }

    @Override
    public void createTable(String tableName, String storeName, String definition, List<String> indexStoreNames) {
        writer.writeAlone(connection -> {
            connection.execute("CREATE TABLE " + storeName + " (p BLOB NOT NULL, s BLOB NOT NULL, size INTEGER NOT NULL,"
                    + " item BLOB NOT NULL, PRIMARY KEY (p, s)) WITHOUT ROWID");
            for (String indexStore : indexStoreNames) {
                createIndexStore(connection, indexStore);
            }
            connection.statement("INSERT INTO catalogue (name, store, definition) VALUES (?, ?, ?)", tableName, storeName,
                    definition).executeUpdate();
            return null;
        }, () -> { });
    }

    @Override
    public void deleteTable(String tableName, String storeName, List<String> indexStoreNames) {
        writer.writeAlone(connection -> {
            // Statements prepared on the dropped table must not outlive it, on any connection.
            connection.forgetStatementsBefore(schemaGeneration.incrementAndGet());
            connection.statement("DELETE FROM catalogue WHERE name = ?", tableName).executeUpdate();
            connection.execute("DROP TABLE " + storeName);
            for (String indexStore : indexStoreNames) {
                connection.execute("DROP TABLE " + indexStore);
            }
            return null;
        }, () -> { });
    }

    @Override
    public void addIndex(String tableName, String definition, String storeName, String indexStoreName,
            Function<StoredItem, IndexEntry> entryOf, Runnable committed) {
        writer.writeAlone(connection -> {
            createIndexStore(connection, indexStoreName);
            IndexEntries entries = new IndexEntries(connection, indexStoreName);
            try (Statement all = connection.jdbc().createStatement();
                    ResultSet rs = all.executeQuery("SELECT p, s, size, item FROM " + storeName)) {
                while (rs.next()) {
                    IndexEntry entry = entryOf.apply(storedItem(rs));
                    if (entry != null) {
                        entries.put(entry);
                    }
                }
            }
            recordDefinition(connection, tableName, definition);
            return null;
        }, committed);
    }

    @Override
    public void changeDefinition(String tableName, String definition, Runnable committed) {
        writer.writeAlone(connection -> {
            recordDefinition(connection, tableName, definition);
            return null;
        }, committed);
    }

    @Override
    public void dropIndex(String tableName, String definition, String indexStoreName, Runnable committed) {
        writer.writeAlone(connection -> {
            connection.forgetStatementsBefore(schemaGeneration.incrementAndGet());
            connection.execute("DROP TABLE " + indexStoreName);
            recordDefinition(connection, tableName, definition);
            return null;
        }, committed);
    }

    private static void recordDefinition(SqliteConnection connection, String tableName, String definition) throws SQLException {
        connection.statement("UPDATE catalogue SET definition = ? WHERE name = ?", definition, tableName).executeUpdate();
    }

    private static void createIndexStore(SqliteConnection connection, String indexStoreName) throws SQLException {
        // Clustered on the index key, then the table key: a Query on the index is one range read.
        connection.execute("CREATE TABLE " + indexStoreName + " (p BLOB NOT NULL, s BLOB NOT NULL, tp BLOB NOT NULL,"
                + " ts BLOB NOT NULL, size INTEGER NOT NULL, item BLOB NOT NULL, PRIMARY KEY (p, s, tp, ts)) WITHOUT ROWID");
    }

    @Override
    public byte[] get(String storeName, PrimaryKey key) {
        return reading(connection -> find(connection, storeName, key));
    }

    private static byte[] find(SqliteConnection connection, String storeName, PrimaryKey key) throws SQLException {
        try (ResultSet rs = connection.statement("SELECT item FROM " + storeName + " WHERE p = ? AND s = ?", key.partition(),
                key.sort()).executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    @Override
    public <T> T transact(long size, Function<WriteTransaction, T> work) {
        return writer.write(size, connection -> work.apply(new SqliteWriteTransaction(connection)));
    }

    @Override
    public <T> CompletionStage<T> transactLater(long size, Function<WriteTransaction, T> work) {
        return writer.writeLater(size, connection -> work.apply(new SqliteWriteTransaction(connection)));
    }

    /** How many writes wait to be committed now: what a test needs to see a batch form. */
    int writesWaiting() {
        return writer.waiting();
    }

    @Override
    public <T> T snapshot(Function<Snapshot, T> work) {
        return reading(connection -> {
            // In WAL mode a read transaction sees the database as of its first read, to its end.
            connection.execute("BEGIN");
            try {
                return work.apply((storeName, key) -> {
                    try {
                        return find(connection, storeName, key);
                    } catch (SQLException e) {
                        throw new StorageException("reading " + storeName + " failed", e);
                    }
                });
            } finally {
                connection.execute("COMMIT");
            }
        });
    }

    private record SqliteWriteTransaction(SqliteConnection connection) implements WriteTransaction {

        @Override
        public ItemWriter table(String storeName) {
            return new TableWriter(connection, storeName);
        }

        @Override
        public IndexWriter index(String indexStoreName) {
            return new IndexEntries(connection, indexStoreName);
        }

        @Override
        public byte[] requestDigest(String clientToken, long since) {
            try (ResultSet rs = connection.statement("SELECT digest FROM client_tokens WHERE token = ? AND used_at >= ?",
                    clientToken, since).executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            } catch (SQLException e) {
                throw new StorageException("reading client request tokens failed", e);
            }
        }

        @Override
        public void recordRequest(String clientToken, byte[] digest, long at, long forgetBefore) {
            try {
                connection.statement("DELETE FROM client_tokens WHERE used_at < ?", forgetBefore).executeUpdate();
                connection.statement("INSERT OR REPLACE INTO client_tokens (token, digest, used_at) VALUES (?, ?, ?)",
                        clientToken, digest, at).executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("recording a client request token failed", e);
            }
        }
    }

    /** The entries of one secondary index as a write transaction changes them. */
    private record IndexEntries(SqliteConnection connection, String indexStoreName) implements IndexWriter {

        @Override
        public void put(IndexEntry entry) {
            try {
                connection.statement("INSERT OR REPLACE INTO " + indexStoreName + " (p, s, tp, ts, size, item)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", entry.indexKey().partition(), entry.indexKey().sort(),
                        entry.tableKey().partition(), entry.tableKey().sort(), entry.size(), entry.json()).executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("writing " + indexStoreName + " failed", e);
            }
        }

        @Override
        public void delete(PrimaryKey indexKey, PrimaryKey tableKey) {
            try {
                connection.statement("DELETE FROM " + indexStoreName + " WHERE p = ? AND s = ? AND tp = ? AND ts = ?",
                        indexKey.partition(), indexKey.sort(), tableKey.partition(), tableKey.sort()).executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("deleting from " + indexStoreName + " failed", e);
            }
        }
    }

    /** The items of one table as a write transaction reads and changes them. */
    private record TableWriter(SqliteConnection connection, String storeName) implements ItemWriter {

        @Override
        public byte[] get(PrimaryKey key) {
            try {
                return find(connection, storeName, key);
            } catch (SQLException e) {
                throw new StorageException("reading " + storeName + " failed", e);
            }
        }

        @Override
        public void put(StoredItem item) {
            try {
                connection.statement("INSERT OR REPLACE INTO " + storeName + " (p, s, size, item) VALUES (?, ?, ?, ?)",
                        item.key().partition(), item.key().sort(), item.size(), item.json()).executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("writing " + storeName + " failed", e);
            }
        }

        @Override
        public void delete(PrimaryKey key) {
            try {
                connection.statement("DELETE FROM " + storeName + " WHERE p = ? AND s = ?", key.partition(), key.sort())
                        .executeUpdate();
            } catch (SQLException e) {
                throw new StorageException("deleting from " + storeName + " failed", e);
            }
        }
    }

    @Override
    public void read(String storeName, KeyRange range, Predicate<StoredItem> visitor) {
        reading(connection -> {
            StringBuilder sql = new StringBuilder("SELECT p, s, size, item FROM ").append(storeName);
            List<byte[]> arguments = new ArrayList<>(4);
            if (range.partition() == null) {
                if (range.exclusiveStart() != null) {
                    sql.append(" WHERE (p, s) > (?, ?)");
                    arguments.add(range.exclusiveStart().partition());
                    arguments.add(range.exclusiveStart().sort());
                }
                sql.append(" ORDER BY p, s");
            } else {
                appendPartition(sql, arguments, range);
                if (range.exclusiveStart() != null) {
                    sql.append(range.forward() ? " AND s > ?" : " AND s < ?");
                    arguments.add(range.exclusiveStart().sort());
                }
                sql.append(range.forward() ? " ORDER BY s" : " ORDER BY s DESC");
            }
            visitRows(connection, sql, arguments, SqliteTableStore::storedItem, visitor);
            return null;
        });
    }

    @Override
    public void readIndex(String indexStoreName, KeyRange range, Predicate<IndexEntry> visitor) {
        reading(connection -> {
            StringBuilder sql = new StringBuilder("SELECT p, s, tp, ts, size, item FROM ").append(indexStoreName);
            List<byte[]> arguments = new ArrayList<>(7);
            PrimaryKey start = range.exclusiveStart();
            PrimaryKey startInTable = range.exclusiveStartTableKey();
            if (range.partition() == null) {
                if (start != null) {
                    sql.append(" WHERE (p, s, tp, ts) > (?, ?, ?, ?)");
                    arguments.addAll(List.of(start.partition(), start.sort(), startInTable.partition(), startInTable.sort()));
                }
                sql.append(" ORDER BY p, s, tp, ts");
            } else {
                appendPartition(sql, arguments, range);
                if (start != null) {
                    sql.append(range.forward() ? " AND (s, tp, ts) > (?, ?, ?)" : " AND (s, tp, ts) < (?, ?, ?)");
                    arguments.addAll(List.of(start.sort(), startInTable.partition(), startInTable.sort()));
                }
                sql.append(range.forward() ? " ORDER BY s, tp, ts" : " ORDER BY s DESC, tp DESC, ts DESC");
            }
            visitRows(connection, sql, arguments, rs -> new IndexEntry(new PrimaryKey(rs.getBytes(1), rs.getBytes(2)),
                    new PrimaryKey(rs.getBytes(3), rs.getBytes(4)), rs.getLong(5), rs.getBytes(6)), visitor);
            return null;
        });
    }

    /**
     * The one partition a Query reads and the bounds its key condition puts on the sort key: on an
     * index store, as on an item table, {@code p} and {@code s} are the key the Query is on.
     */
    private static void appendPartition(StringBuilder sql, List<byte[]> arguments, KeyRange range) {
        sql.append(" WHERE p = ?");
        arguments.add(range.partition());
        if (range.lower() != null) {
            sql.append(range.lowerInclusive() ? " AND s >= ?" : " AND s > ?");
            arguments.add(range.lower());
        }
        if (range.upper() != null) {
            sql.append(range.upperInclusive() ? " AND s <= ?" : " AND s < ?");
            arguments.add(range.upper());
        }
    }

    /** Reads rows of a range read in order, until the visitor answers false or the rows run out. */
    private static <T> void visitRows(SqliteConnection connection, CharSequence sql, List<byte[]> arguments, Row<T> row,
            Predicate<T> visitor) throws SQLException {
        try (ResultSet rs = connection.statement(sql.toString(), arguments.toArray()).executeQuery()) {
            while (rs.next()) {
                if (!visitor.test(row.of(rs))) {
                    break;
                }
            }
        }
    }

    /** What one row of a result set is read as. */
    @FunctionalInterface
    private interface Row<T> {

        T of(ResultSet rs) throws SQLException;
    }

    /** A row of an item table's (p, s, size, item). */
    private static StoredItem storedItem(ResultSet rs) throws SQLException {
        return new StoredItem(new PrimaryKey(rs.getBytes(1), rs.getBytes(2)), rs.getLong(3), rs.getBytes(4));
    }

    @Override
    public TableStatistics statistics(String storeName) {
        return reading(connection -> {
            try (ResultSet rs = connection.statement("SELECT count(*), coalesce(sum(size), 0) FROM " + storeName).executeQuery()) {
                rs.next();
                return new TableStatistics(rs.getLong(1), rs.getLong(2));
            }
        });
    }

    @Override
    public void close() {
        writer.close();
        checkpoint.close();
        SqliteConnection reader;
        while ((reader = readers.poll()) != null) {
            reader.close();
        }
    }

    private <T> T reading(ConnectionWork<T> work) {
        SqliteConnection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for a database connection", e);
        }
        try {
            connection.forgetStatementsBefore(schemaGeneration.get());
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("a read failed", e);
        } finally {
            readers.add(connection);
        }
    }
}
