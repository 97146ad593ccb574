package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * AWS's constraints on one member of a request and on what it holds (a list's elements, a
 * structure's members), checked in the order AWS checks them. Each broken one is worded as AWS
 * words it, at the member's path in AWS's form:
 * {@code Value 'SS' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]}.
 * A member that is absent is only checked for {@link #notNull}.
 */
final class Constraint {

    private record Rule(Predicate<JsonNode> holds, String requirement) {
    }

    private boolean notNull;
    private final List<Rule> rules = new ArrayList<>();
    private Constraint elements;
    private final Map<String, Constraint> members = new LinkedHashMap<>();

    /** A member with no constraint of its own yet. */
    static Constraint member() {
        return new Constraint();
    }

    /** A member that must be present. */
    static Constraint notNull() {
        Constraint constraint = new Constraint();
        constraint.notNull = true;
        return constraint;
    }

    /** A string's length, or a list's or map's size, within bounds; each bound broken is its own violation. */
    Constraint length(int min, int max) {
        rules.add(new Rule(value -> sizeOf(value) >= min, "Member must have length greater than or equal to " + min));
        if (max < Integer.MAX_VALUE) {
            rules.add(new Rule(value -> sizeOf(value) <= max, "Member must have length less than or equal to " + max));
        }
        return this;
    }

    Constraint pattern(String regex) {
        Pattern pattern = Pattern.compile(regex);
        rules.add(new Rule(value -> pattern.matcher(value.asText()).matches(),
                "Member must satisfy regular expression pattern: " + regex));
        return this;
    }

    Constraint oneOf(String... allowed) {
        List<String> values = List.of(allowed);
        rules.add(new Rule(value -> values.contains(value.asText()),
                "Member must satisfy enum value set: [" + String.join(", ", values) + "]"));
        return this;
    }

    Constraint atLeast(long minimum) {
        rules.add(new Rule(value -> value.asLong() >= minimum, "Member must have value greater than or equal to " + minimum));
        return this;
    }

    /** The constraint on each element of a list, named {@code <list>.<n>.member} from 1. */
    Constraint elements(Constraint element) {
        elements = element;
        return this;
    }

    /** The constraint on a member of a structure, named {@code <structure>.<member>} with a lower-case first letter. */
    Constraint member(String name, Constraint member) {
        members.put(name, member);
        return this;
    }

    /** Adds each constraint {@code value}, found at {@code path}, breaks to {@code violations}. */
    void check(JsonNode value, String path, List<String> violations) {
        boolean absent = value == null || value.isNull();
        if (absent) {
            if (notNull) {
                violations.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
            }
            return;
        }
        for (Rule rule : rules) {
            if (!rule.holds().test(value)) {
                violations.add("Value '" + printed(value) + "' at '" + path + "' failed to satisfy constraint: "
                        + rule.requirement());
            }
        }
        if (elements != null && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                elements.check(value.get(i), path + "." + (i + 1) + ".member", violations);
            }
        }
        if (value.isObject()) {
            members.forEach((name, member) -> member.check(value.get(name),
                    path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), violations));
        }
    }

    private static int sizeOf(JsonNode value) {
        return value.isTextual() ? value.textValue().length() : value.size();
    }

    /** A value as AWS shows it in a violation: text as is, a list's elements between brackets. */
    private static String printed(JsonNode value) {
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(element.isNull() ? "null" : printed(element)));
            return "[" + String.join(", ", elements) + "]";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
