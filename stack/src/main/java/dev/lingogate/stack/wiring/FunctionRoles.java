package dev.lingogate.stack.wiring;

import dev.lingogate.iam.AccessKey;
import dev.lingogate.iam.KeyRing;
import dev.lingogate.iam.Principal;
import dev.lingogate.iam.policy.Policy;
import dev.lingogate.stack.template.FunctionSpec;

/**
 * Gives each function the execution role its template entry describes: a fresh key pair per run,
 * known only to the edge and to that function's environments, bound to the function's policies.
 */
final class FunctionRoles {

    private final KeyRing keyRing;
    private final String accountId;

    FunctionRoles(KeyRing keyRing, String accountId) {
        this.keyRing = keyRing;
        this.accountId = accountId;
    }

    /** Creates the role of a function and returns the key its environments sign with. */
    AccessKey grant(FunctionSpec function) {
        AccessKey key = AccessKey.generate("ASIA");
        keyRing.add(key, new Principal(sessionArn(function), new Policy(function.policy())));
        return key;
    }

    String roleArn(FunctionSpec function) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName(function);
    }

    private String sessionArn(FunctionSpec function) {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName(function) + "/" + function.functionName();
    }

    private static String roleName(FunctionSpec function) {
        return function.logicalId() + "Role";
    }
}
