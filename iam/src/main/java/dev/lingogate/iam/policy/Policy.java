package dev.lingogate.iam.policy;

import java.util.List;

/**
 * The statements an identity holds, evaluated as IAM does for a single account: an explicit Deny
 * wins, then an Allow, and anything not allowed is denied.
 */
public record Policy(List<Statement> statements) {

    public static final Policy ALLOW_ALL =
            new Policy(List.of(new Statement(Effect.ALLOW, List.of("*"), List.of("*"))));

    public Policy {
        statements = List.copyOf(statements);
    }

    public boolean allows(String action, String resource) {
        boolean allowed = false;
        for (Statement statement : statements) {
            if (statement.covers(action, resource)) {
                if (statement.effect() == Effect.DENY) {
                    return false;
                }
                allowed = true;
            }
        }
        return allowed;
    }
}
