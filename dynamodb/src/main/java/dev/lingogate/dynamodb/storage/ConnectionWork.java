package dev.lingogate.dynamodb.storage;

import java.sql.SQLException;

/** What a read or a write does with the connection it is given, for as long as it runs. */
@FunctionalInterface
interface ConnectionWork<T> {

    T run(SqliteConnection connection) throws SQLException;
}
