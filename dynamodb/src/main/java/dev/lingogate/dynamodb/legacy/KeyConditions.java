package dev.lingogate.dynamodb.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.expression.KeyCondition;

/**
 * KeyConditions, Query's legacy key condition: each entry checked with AWS's words for the legacy
 * form, then read as the same per-attribute conditions a KeyConditionExpression gives.
 */
public final class KeyConditions {

    private KeyConditions() {
    }

    public static KeyCondition of(JsonNode map) {
        return KeyCondition.of(AttributeCondition.readAll(map, "keyConditions").stream()
                .map(condition -> new KeyCondition.Part(condition.attribute(), condition.operator().name(), condition.values()))
                .toList());
    }
}
