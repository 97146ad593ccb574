package dev.lingogate.dynamodb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's write lock on the tables' file, held from a connection of its own until closed: the edge's
 * writer waits in its BEGIN meanwhile (SQLite's busy timeout is 10 s), as it would behind a slow disk,
 * and the writes sent meanwhile pile up in front of it. Readers are not held: WAL lets them read.
 */
final class HeldWriteLock implements AutoCloseable {

    private final Connection connection;

    HeldWriteLock(Path dataDir) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dynamodb.sqlite").toAbsolutePath());
        try (Statement begin = connection.createStatement()) {
            begin.execute("BEGIN IMMEDIATE");
        }
    }

    /** Lets the writer go; closing again does nothing. */
    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try (Statement rollback = connection.createStatement()) {
            rollback.execute("ROLLBACK");
        } finally {
            connection.close();
        }
    }
}
