package dev.lingogate.bench.dynamodb;

import java.util.List;

/**
 * A way of making DynamoDB calls against an endpoint: the lean one that sends prepared, signed
 * bytes ({@link SignedWireDriver}), or the AWS SDK v2 as an application uses it ({@link SdkDriver}).
 */
interface DynamoDbDriver extends AutoCloseable {

    /** Creates a table keyed {@code pk} (S, partition) + {@code sk} (S, sort) and waits until it is ACTIVE. */
    void createTable(String table) throws Exception;

    /** Everything a pass's calls need before the clock starts (the wire driver signs them here). */
    PreparedPass prepare(List<DynamoDbCall> calls);

    /** The calls of one pass, ready to be made by clients each on a thread of its own. */
    interface PreparedPass {

        /** One client: makes call {@code i} of the pass, throwing unless it was answered as expected. */
        Client client();
    }

    interface Client extends AutoCloseable {

        void call(int i) throws Exception;

        @Override
        void close();
    }

    @Override
    void close();
}
