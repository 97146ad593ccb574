package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.storage.ItemWriter;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.WriteTransaction;
import dev.lingogate.dynamodb.table.SecondaryIndex;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;

/**
 * A write to one item, prepared before its transaction starts (key found, item and expressions
 * parsed and checked, so that nothing but its condition can fail inside), then applied inside one:
 * alone for PutItem, UpdateItem and DeleteItem, with others for BatchWriteItem and TransactWriteItems.
 */
sealed interface ItemWrite permits Put, Update, Delete, ConditionCheck {

    TableDefinition table();

    PrimaryKey key();

    default ItemIdentity itemIdentity() {
        return ItemIdentity.of(table(), key());
    }

    /** Checks the condition on the item as it is now, then writes; answers the item before and after. */
    Change applyTo(ItemWriter items);

    /**
     * Applies this write inside a transaction and brings the table's secondary indexes, as they are
     * now in {@code tables}, in step with it.
     */
    default Change applyIn(WriteTransaction transaction, Tables tables) {
        Change change = applyTo(transaction.table(table().storeName()));
        if (change.before() != change.after()) {
            for (SecondaryIndex index : tables.indexesOf(table().name())) {
                IndexEntries.update(index, table().keySchema(), key(), change, transaction.index(index.storeName()));
            }
        }
        return change;
    }

    /** The item before and after a write; either is null where there is no item. */
    record Change(ObjectNode before, ObjectNode after) {
    }
}
