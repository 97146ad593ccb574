package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.Tables;
import java.util.List;

/** Every DynamoDB action this service answers, wired to the tables and their store. */
public final class Operations {

    private Operations() {
    }

    public static List<Operation> all(Tables tables, TableStore store, ObjectMapper mapper) {
        ItemCodec codec = new ItemCodec(mapper);
        PageReader pages = new PageReader(store, codec);
        return List.of(
                new CreateTable(tables),
                new DescribeTable(tables, store),
                new ListTables(tables),
                new DeleteTable(tables, store),
                new PutItem(tables, store, codec),
                new GetItem(tables, store, codec),
                new UpdateItem(tables, store, codec),
                new DeleteItem(tables, store, codec),
                new Query(tables, pages),
                new Scan(tables, pages));
    }
}
