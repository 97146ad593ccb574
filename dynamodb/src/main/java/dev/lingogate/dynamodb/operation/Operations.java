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
        PageReader pages = new PageReader(store);
        return List.of(
                new CreateTable(tables),
                new DescribeTable(tables, store),
                new ListTables(tables),
                new UpdateTable(tables, store),
                new DeleteTable(tables, store),
                new PutItem(tables, store),
                new GetItem(tables, store),
                new UpdateItem(tables, store),
                new DeleteItem(tables, store),
                new BatchGetItem(tables, store),
                new BatchWriteItem(tables, store),
                new TransactWriteItems(tables, store),
                new TransactGetItems(tables, store),
                new Query(tables, pages),
                new Scan(tables, pages),
                new UpdateTimeToLive(tables),
                new DescribeTimeToLive(tables),
                new TagResource(tables),
                new UntagResource(tables),
                new ListTagsOfResource(tables));
    }
}
