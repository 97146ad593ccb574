package dev.lingogate.dynamodb.model;

import dev.lingogate.edge.AwsException;

/**
 * DynamoDB's answer to more work than a table can take now: the error every data-plane operation
 * declares and the AWS SDKs retry with back-off, so that a client sees a slow-down, not a failure.
 * Nothing of the request was applied. The message is the one DynamoDB's API reference gives this
 * error; AWS's other words for it advise raising a table's provisioned capacity, which here would
 * change nothing.
 */
public final class ProvisionedThroughputExceededException extends AwsException {

    public ProvisionedThroughputExceededException() {
        super(400, "ProvisionedThroughputExceededException", "You exceeded your maximum allowed provisioned throughput.");
    }
}
