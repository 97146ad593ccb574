package dev.lingogate.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** AWS reports at most this many broken constraints, the first it finds. */
    private static final int MOST_VIOLATIONS_REPORTED = 10;

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, WireType> wireTypes = new LinkedHashMap<>();
    private final Map<String, Constraint> constraints = new LinkedHashMap<>();
    private ExpressionParameters expressionParameters;
    private boolean controlTableName;

    private void add(String name, Member member) {
        members.put(name, member);
        wireTypes.computeIfAbsent(name, ignored -> WireType.ofMember(name, member.type()));
    }

    /** A required member whose type is particular to the operation (BatchGetItem's RequestItems). */
    RequestShape required(String name, WireType type) {
        wireTypes.put(name, type);
        return required(name, Type.MAP);
    }

    RequestShape tableName() {
        add("TableName", new Member("TableName", Type.STRING, true, 3, 255, TABLE_NAME, null, null, null));
        return this;
    }

    /**
     * The table name of a control-plane operation (CreateTable, DescribeTable, UpdateTable, ...), which
     * AWS checks on its own before the other members: missing or of the wrong length it is the one
     * error reported, in words of its own.
     */
    RequestShape controlTableName() {
        add("TableName", new Member("TableName", Type.STRING, true, 0, Integer.MAX_VALUE, TABLE_NAME, null, null, null));
        controlTableName = true;
        return this;
    }

    RequestShape optionalTableName(String name) {
        add(name, new Member(name, Type.STRING, false, 3, 255, TABLE_NAME, null, null, null));
        return this;
    }

    /** A required string member of bounded length. */
    RequestShape text(String name, int minLength, int maxLength) {
        add(name, new Member(name, Type.STRING, true, minLength, maxLength, null, null, null, null));
        return this;
    }

    RequestShape required(String name, Type type) {
        add(name, new Member(name, type, true, 0, Integer.MAX_VALUE, null, null, null, null));
        return this;
    }

    RequestShape optional(String name, Type type) {
        add(name, new Member(name, type, false, 0, Integer.MAX_VALUE, null, null, null, null));
        return this;
    }

    /** A required list or structure, with AWS's constraints on what it holds. */
    RequestShape required(String name, Type type, Constraint constraint) {
        constraints.put(name, constraint);
        return required(name, type);
    }

    /** An optional list or structure, with AWS's constraints on what it holds. */
    RequestShape optional(String name, Type type, Constraint constraint) {
        constraints.put(name, constraint);
        return optional(name, type);
    }

    RequestShape oneOf(String name, String... allowed) {
        add(name, new Member(name, Type.STRING, false, 0, Integer.MAX_VALUE, null, List.of(allowed), null, null));
        return this;
    }

    RequestShape integer(String name, long minimum, long maximum) {
        add(name, new Member(name, Type.INTEGER, false, 0, Integer.MAX_VALUE, null, null, minimum, maximum));
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

    /**
     * What PutItem, UpdateItem and DeleteItem each take after their expressions: the legacy
     * ConditionalOperator, what to return, and what to report of the write.
     */
    RequestShape singleItemWriteOptions() {
        return oneOf("ConditionalOperator", "OR", "AND")
                .oneOf("ReturnValues", "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")
                .oneOf("ReturnItemCollectionMetrics", "SIZE", "NONE")
                .oneOf("ReturnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
                .oneOf("ReturnConsumedCapacity", "INDEXES", "TOTAL", "NONE");
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
        for (Member member : members.values()) {
            JsonNode value = input.get(member.name());
            if (value != null && !value.isNull()) {
                JsonNode read = wireTypes.get(member.name()).check(value);
                if (read != value && input instanceof ObjectNode object) {
                    object.set(member.name(), read);
                }
            }
        }
        if (controlTableName) {
            checkControlTableName(input.path("TableName"));
        }
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
            Constraint constraint = constraints.get(member.name());
            if (constraint != null) {
                constraint.check(value, at + Character.toLowerCase(member.name().charAt(0)) + member.name().substring(1),
                        violations);
            }
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
            List<String> reported = violations.subList(0, Math.min(violations.size(), MOST_VIOLATIONS_REPORTED));
            throw new ValidationException(reported.size() + " validation error" + (reported.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", reported));
        }
    }

    private static void checkControlTableName(JsonNode tableName) {
        if (tableName.isMissingNode() || tableName.isNull()) {
            throw new ValidationException("The parameter 'TableName' is required but was not present in the request");
        }
        int length = tableName.textValue().length();
        if (length < 3 || length > 255) {
            throw new ValidationException("TableName must be at least 3 characters long and at most 255 characters long");
        }
    }
}
