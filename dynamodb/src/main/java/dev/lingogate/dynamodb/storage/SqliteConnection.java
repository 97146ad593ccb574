package dev.lingogate.dynamodb.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One JDBC connection to the database file with its prepared statements kept for reuse: the hot
 * path prepares each SQL text once per connection. Used by one thread at a time.
 */
final class SqliteConnection implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private long schemaGeneration;

    SqliteConnection(String url) throws SQLException {
        connection = DriverManager.getConnection(url);
        try (Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA busy_timeout = 10000");
            // An acknowledged write must survive a crash or power loss: fsync at every commit.
            pragma.execute("PRAGMA synchronous = FULL");
        }
    }

    Connection jdbc() {
        return connection;
    }

    /**
     * The statement for {@code sql}, prepared once, with {@code arguments} bound in order: a byte[]
     * as a BLOB, a Long as an INTEGER, a String as TEXT.
     */
    PreparedStatement statement(String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Forgets the statements prepared before a table was dropped, once per schema change. */
    void forgetStatementsBefore(long generation) throws SQLException {
        if (schemaGeneration == generation) {
            return;
        }
        for (Iterator<PreparedStatement> it = statements.values().iterator(); it.hasNext(); ) {
            it.next().close();
            it.remove();
        }
        schemaGeneration = generation;
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("closing the database failed", e);
        }
    }
}
