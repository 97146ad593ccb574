package dev.lingogate.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Translations";

    @Test
    void actionOutsideEveryStatementIsDenied() {
        Policy policy = new Policy(List.of(new Statement(Effect.ALLOW, List.of("dynamodb:GetItem"), List.of(TABLE))));

        assertThat(policy.allows("dynamodb:GetItem", TABLE)).isTrue();
        assertThat(policy.allows("dynamodb:PutItem", TABLE)).isFalse();
        assertThat(policy.allows("dynamodb:GetItem", TABLE + "2")).isFalse();
    }

    @Test
    void wildcardsMatchActionsWithoutRegardToCaseAndResourcesWithIt() {
        Policy policy = new Policy(List.of(new Statement(Effect.ALLOW, List.of("DynamoDB:Get*", "translate:?ranslateText"),
                List.of("arn:aws:dynamodb:*:*:table/Translations*", "*"))));

        assertThat(policy.allows("dynamodb:GetItem", TABLE + "/index/byDate")).isTrue();
        assertThat(policy.allows("translate:TranslateText", "*")).isTrue();
        Policy caseSensitive = new Policy(List.of(new Statement(Effect.ALLOW, List.of("*"),
                List.of("arn:aws:dynamodb:*:*:table/Translations"))));
        assertThat(caseSensitive.allows("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:0:table/translations")).isFalse();
    }

    @Test
    void explicitDenyWinsOverAllow() {
        Policy policy = new Policy(List.of(
                new Statement(Effect.ALLOW, List.of("dynamodb:*"), List.of("*")),
                new Statement(Effect.DENY, List.of("dynamodb:DeleteTable"), List.of("*"))));

        assertThat(policy.allows("dynamodb:PutItem", TABLE)).isTrue();
        assertThat(policy.allows("dynamodb:DeleteTable", TABLE)).isFalse();
    }

    @Test
    void statementWithoutActionsIsRefused() {
        assertThatThrownBy(() -> new Statement(Effect.ALLOW, List.of(), List.of("*")))
                .hasMessage("a policy statement needs at least one Action");
    }
}
