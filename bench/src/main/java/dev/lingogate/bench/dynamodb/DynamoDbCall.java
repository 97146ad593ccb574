package dev.lingogate.bench.dynamodb;

/**
 * One call of the benchmark's work, the same whichever driver makes it: the operation, its request
 * as DynamoDB JSON (what goes on the wire), and how to tell from the answer's body that it did
 * what was asked (a GetItem found its item, a Query its ten).
 */
sealed interface DynamoDbCall {

    int ITEMS_PER_PARTITION = 10;
    String PAYLOAD = "x".repeat(240);

    /** The operation's name, as in {@code X-Amz-Target: DynamoDB_20120810.<operation>}. */
    String operation();

    String table();

    String json();

    /** Whether a 200 answer with this body is the one the call expects. */
    boolean answered(String body);

    /** The i-th item: ten to a partition, about 300 bytes as DynamoDB counts them. */
    record Put(String table, String prefix, int i) implements DynamoDbCall {
        @Override
        public String operation() {
            return "PutItem";
        }

        @Override
        public String json() {
            return "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + partition(prefix, i) + "\"},\"sk\":{\"S\":\""
                    + sortKey(i) + "\"},\"payload\":{\"S\":\"" + PAYLOAD + "\"},\"n\":{\"N\":\"" + i + "\"}}}";
        }

        @Override
        public boolean answered(String body) {
            return true;
        }
    }

    /** The i-th item read back. */
    record Get(String table, String prefix, int i) implements DynamoDbCall {
        @Override
        public String operation() {
            return "GetItem";
        }

        @Override
        public String json() {
            return "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + partition(prefix, i)
                    + "\"},\"sk\":{\"S\":\"" + sortKey(i) + "\"}}}";
        }

        @Override
        public boolean answered(String body) {
            return body.contains("\"Item\"");
        }
    }

    /** The ten items of partition {@code partition}. */
    record Query(String table, String prefix, int partition) implements DynamoDbCall {
        @Override
        public String operation() {
            return "Query";
        }

        @Override
        public String json() {
            return "{\"TableName\":\"" + table + "\",\"KeyConditionExpression\":\"pk = :p\",\"ExpressionAttributeValues\":"
                    + "{\":p\":{\"S\":\"" + partitionKey(prefix, partition) + "\"}}}";
        }

        @Override
        public boolean answered(String body) {
            int at = body.indexOf("\"Count\":");
            if (at < 0) {
                return false;
            }
            int digits = at + "\"Count\":".length();
            while (digits < body.length() && body.charAt(digits) == ' ') {
                digits++;
            }
            int end = digits;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            return body.substring(digits, end).equals(Integer.toString(ITEMS_PER_PARTITION));
        }
    }

    static String partition(String prefix, int item) {
        return partitionKey(prefix, item / ITEMS_PER_PARTITION);
    }

    static String partitionKey(String prefix, int partition) {
        return prefix + "user-" + String.format("%06d", partition);
    }

    static String sortKey(int item) {
        return String.format("item-%04d", item % ITEMS_PER_PARTITION);
    }
}
