package dev.lingogate.dynamodb.operation;

import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.table.TableDefinition;
import java.nio.ByteBuffer;

/** Which item of which table a request touches: equal for the same item, which one batch or transaction may not name twice. */
record ItemIdentity(String storeName, ByteBuffer partition, ByteBuffer sort) {

    static ItemIdentity of(TableDefinition table, PrimaryKey key) {
        return new ItemIdentity(table.storeName(), ByteBuffer.wrap(key.partition()), ByteBuffer.wrap(key.sort()));
    }
}
