package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.legacy.ExpressionParameters;
import dev.lingogate.dynamodb.model.SerializationException;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of one operation's request as data: each top-level member's JSON type and DynamoDB's
 * constraints on it (required, length, pattern, allowed values, minimum). Checked before the
 * operation runs; a wrong JSON type is a SerializationException, broken constraints are one
 * ValidationException listing them all, worded as AWS words them:
 * {@code 1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null}.
 */
public final class RequestShape {

    public enum Type { STRING, INTEGER, BOOLEAN, MAP, LIST, STRUCTURE }

    private record Member(String name, Type type, boolean required, int minLength, int maxLength, Pattern pattern,
            List<String> allowed, Long minimum, Long maximum) {
    }

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final Map<String, Member> members = new LinkedHashMap<>();
    private ExpressionParameters expressionParameters;

    RequestShape tableName() {
        members.put("TableName", new Member("TableName", Type.STRING, true, 3, 255, TABLE_NAME, null, null, null));
        return this;
    }

    RequestShape optionalTableName(String name) {
        members.put(name, new Member(name, Type.STRING, false, 3, 255, TABLE_NAME, null, null, null));
        return this;
    }

    /** A required string member of bounded length. */
    RequestShape text(String name, int minLength, int maxLength) {
        members.put(name, new Member(name, Type.STRING, true, minLength, maxLength, null, null, null, null));
        return this;
    }

    RequestShape required(String name, Type type) {
        members.put(name, new Member(name, type, true, 0, Integer.MAX_VALUE, null, null, null, null));
        return this;
    }

    RequestShape optional(String name, Type type) {
        members.put(name, new Member(name, type, false, 0, Integer.MAX_VALUE, null, null, null, null));
        return this;
    }

    RequestShape oneOf(String name, String... allowed) {
        members.put(name, new Member(name, Type.STRING, false, 0, Integer.MAX_VALUE, null, List.of(allowed), null, null));
        return this;
    }

    RequestShape integer(String name, long minimum, long maximum) {
        members.put(name, new Member(name, Type.INTEGER, false, 0, Integer.MAX_VALUE, null, null, minimum, maximum));
        return this;
    }

    /** The expression members every item operation may carry. */
    RequestShape expressions(String... expressionMembers) {
        for (String member : expressionMembers) {
            optional(member, Type.STRING);
        }
        optional("ExpressionAttributeNames", Type.MAP);
        optional("ExpressionAttributeValues", Type.MAP);
        return this;
    }

    /**
     * The expression members of an operation and the legacy members that stand for them
     * (AttributesToGet, KeyConditions, QueryFilter, ScanFilter, ConditionalOperator, Expected,
     * AttributeUpdates), with AWS's rule that a request uses one kind or the other.
     */
    RequestShape expressions(ExpressionParameters parameters) {
        expressions(parameters.expressions().toArray(String[]::new));
        for (String member : parameters.legacyParameters()) {
            if (member.equals("ConditionalOperator")) {
                oneOf(member, "OR", "AND");
            } else {
                optional(member, member.equals("AttributesToGet") ? Type.LIST : Type.MAP);
            }
        }
        expressionParameters = parameters;
        return this;
    }

    void check(JsonNode input) {
        check(input, "");
        if (expressionParameters != null) {
            expressionParameters.check(input);
        }
    }

    /**
     * Checks a structure nested in a request, naming its members in messages after {@code at}, the
     * path AWS gives the structure, e.g. {@code transactItems.1.member.put.}.
     */
    void check(JsonNode input, String at) {
        List<String> violations = new ArrayList<>();
        for (Member member : members.values()) {
            JsonNode value = input.get(member.name());
            String where = "at '" + at + Character.toLowerCase(member.name().charAt(0)) + member.name().substring(1) + "'";
            if (value == null || value.isNull()) {
                if (member.required()) {
                    violations.add("Value null " + where + " failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            checkType(member, value);
            if (member.type() == Type.STRING) {
                String text = value.textValue();
                if (text.length() < member.minLength()) {
                    violations.add("Value '" + text + "' " + where + " failed to satisfy constraint: Member must have length"
                            + " greater than or equal to " + member.minLength());
                }
                if (text.length() > member.maxLength()) {
                    violations.add("Value '" + text + "' " + where + " failed to satisfy constraint: Member must have length"
                            + " less than or equal to " + member.maxLength());
                }
                if (member.pattern() != null && !member.pattern().matcher(text).matches()) {
                    violations.add("Value '" + text + "' " + where + " failed to satisfy constraint: Member must satisfy"
                            + " regular expression pattern: " + member.pattern().pattern());
                }
                if (member.allowed() != null && !member.allowed().contains(text)) {
                    violations.add("Value '" + text + "' " + where + " failed to satisfy constraint: Member must satisfy"
                            + " enum value set: [" + String.join(", ", member.allowed()) + "]");
                }
            }
            if (member.type() == Type.INTEGER) {
                long number = value.longValue();
                if (member.minimum() != null && number < member.minimum()) {
                    violations.add("Value '" + number + "' " + where + " failed to satisfy constraint: Member must have value"
                            + " greater than or equal to " + member.minimum());
                }
                if (member.maximum() != null && number > member.maximum()) {
                    violations.add("Value '" + number + "' " + where + " failed to satisfy constraint: Member must have value"
                            + " less than or equal to " + member.maximum());
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations.size() + " validation error" + (violations.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", violations));
        }
    }

    private static void checkType(Member member, JsonNode value) {
        boolean fits = switch (member.type()) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToLong();
            case BOOLEAN -> value.isBoolean();
            case MAP, STRUCTURE -> value.isObject();
            case LIST -> value.isArray();
        };
        if (!fits) {
            String javaType = switch (member.type()) {
                case STRING -> "String";
                case INTEGER -> "Integer";
                case BOOLEAN -> "Boolean";
                default -> null;
            };
            throw new SerializationException(javaType != null
                    ? value.getNodeType() + "_VALUE cannot be converted to " + javaType
                    : "Unexpected value type in payload for " + member.name());
        }
    }
}
