package dev.lingogate.dynamodb.storage;

/** One write transaction of {@link TableStore#transact}, over as many tables as it needs. */
public interface WriteTransaction {

    /** Reads and writes one table's items inside this transaction. */
    ItemWriter table(String storeName);

    /** Changes one secondary index's entries inside this transaction. */
    IndexWriter index(String indexStoreName);

    /**
     * The digest recorded with a client request token (TransactWriteItems' ClientRequestToken) used
     * at or after {@code since}, in milliseconds since the epoch; null if none was.
     */
    byte[] requestDigest(String clientToken, long since);

    /**
     * Records that a request with this digest used a client request token, in this transaction so
     * the token is spent exactly when the writes commit; forgets tokens used before {@code forgetBefore}.
     */
    void recordRequest(String clientToken, byte[] digest, long at, long forgetBefore);
}
