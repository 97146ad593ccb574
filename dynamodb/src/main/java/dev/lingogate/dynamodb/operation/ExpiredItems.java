package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lingogate.dynamodb.expression.Condition;
import dev.lingogate.dynamodb.expression.Operand;
import dev.lingogate.dynamodb.expression.Path;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.storage.BacklogFullException;
import dev.lingogate.dynamodb.storage.KeyRange;
import dev.lingogate.dynamodb.storage.PrimaryKey;
import dev.lingogate.dynamodb.storage.TableStore;
import dev.lingogate.dynamodb.table.TableDefinition;
import dev.lingogate.dynamodb.table.Tables;
import dev.lingogate.edge.AwsException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What TTL deletes: items whose TTL attribute is a Number of epoch seconds now past, but not more
 * than five years past (AWS leaves those, taking them for a mistaken unit). Each goes through the
 * conditional delete a DeleteItem takes, so indexes stay in step, and the condition is checked
 * again inside the delete's transaction, so an item whose expiry a client moved meanwhile stays.
 */
public final class ExpiredItems {

    /** AWS ignores expiry times further in the past than this. */
    static final Duration OLDEST_EXPIRY = Duration.ofDays(5 * 365);

    /** The most items one sweep deletes from one table; the next sweep takes the rest. */
    static final int MOST_PER_SWEEP = 1000;

    private final Tables tables;
    private final TableStore store;

    public ExpiredItems(Tables tables, TableStore store) {
        this.tables = tables;
        this.store = store;
    }

    /** Deletes the expired items of every table with TTL enabled; answers how many it deleted. */
    public int delete(Instant now) {
        int deleted = 0;
        for (TableDefinition table : tables.all()) {
            if (table.timeToLiveAttribute() != null) {
                deleted += delete(table, now);
            }
        }
        return deleted;
    }

    private int delete(TableDefinition table, Instant now) {
        Condition expired = new Condition.Between(new Operand.PathOperand(Path.of(table.timeToLiveAttribute())),
                epochSeconds(now.minus(OLDEST_EXPIRY)), epochSeconds(now));
        List<PrimaryKey> candidates = new ArrayList<>();
        store.read(table.storeName(), KeyRange.wholeTable(null, null), stored -> {
            ObjectNode item = ItemCodec.decode(stored.json());
            if (expired.test(item)) {
                candidates.add(stored.key());
            }
            return candidates.size() < MOST_PER_SWEEP;
        });
        int deleted = 0;
        for (PrimaryKey key : candidates) {
            Delete delete = new Delete(table, key, new WriteCondition(expired, false));
            try {
                // A delete by key holds next to nothing while it waits.
                store.transact(0, transaction -> delete.applyIn(transaction, tables));
                deleted++;
            } catch (AwsException notExpiredAnyMore) {
                // rewritten or deleted since it was read: the condition kept it, as it should
            } catch (BacklogFullException writerBusy) {
                // clients' writes come first; the next sweep deletes the rest, as AWS takes its time too
                break;
            }
        }
        return deleted;
    }

    private static Operand epochSeconds(Instant instant) {
        return new Operand.Literal(AttributeValue.n(BigDecimal.valueOf(instant.getEpochSecond())));
    }
}
