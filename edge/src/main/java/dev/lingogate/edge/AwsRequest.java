package dev.lingogate.edge;

import dev.lingogate.iam.Principal;
import java.util.List;
import java.util.Map;

/**
 * One AWS API call as the edge received it, after its signature was verified.
 *
 * @param requestId the id the edge answers in {@code x-amzn-RequestId}
 * @param rawPath   the path as sent, still percent-encoded
 * @param rawQuery  the query string as sent, without '?', or empty
 * @param headers   header names in lower case, values in arrival order
 * @param caller    the principal whose key signed the call
 * @param replyHeaders where the operation puts headers of its own on the reply
 */
public record AwsRequest(String requestId, String method, String rawPath, String rawQuery,
        Map<String, List<String>> headers, byte[] body, Principal caller, ReplyHeaders replyHeaders) {

    /** A call whose reply has only its protocol's headers so far. */
    public AwsRequest(String requestId, String method, String rawPath, String rawQuery,
            Map<String, List<String>> headers, byte[] body, Principal caller) {
        this(requestId, method, rawPath, rawQuery, headers, body, caller, new ReplyHeaders());
    }

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The {@code X-Amz-Target} header of the JSON protocols, e.g. {@code DynamoDB_20120810.PutItem}. */
    public String target() {
        return header("x-amz-target");
    }

    /**
     * Checks that the caller's policy allows {@code action} on {@code resource}, and fails the call
     * with AWS's {@code AccessDeniedException} if it does not.
     */
    public void authorize(String action, String resource) {
        if (!caller.mayPerform(action, resource)) {
            throw AwsException.accessDenied(caller.deniedMessage(action, resource));
        }
    }
}
