package dev.lingogate.iam;

import dev.lingogate.iam.policy.Policy;

/**
 * Who signed a request: an IAM identity (a role session of a function, or the local admin user)
 * and the policy that says what it may do.
 */
public record Principal(String arn, Policy policy) {

    public boolean mayPerform(String action, String resource) {
        return policy.allows(action, resource);
    }

    /**
     * The message AWS gives when an identity-based policy does not allow a call, word for word, so
     * that clients and people see here what they will see deployed.
     */
    public String deniedMessage(String action, String resource) {
        return "User: " + arn + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }
}
