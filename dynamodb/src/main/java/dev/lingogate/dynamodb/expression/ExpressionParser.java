package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import dev.lingogate.dynamodb.model.ValidationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A recursive-descent parser for DynamoDB's expressions, with DynamoDB's precedence, from loosest to
 * tightest: OR, AND, NOT, then BETWEEN / IN / comparisons and functions.
 *
 * <pre>
 * condition  := and ("OR" and)*
 * and        := not ("AND" not)*
 * not        := "NOT" not | "(" condition ")" | predicate
 * predicate  := function "(" operands ")" | operand (comparator operand | "BETWEEN" operand "AND" operand
 *               | "IN" "(" operands ")")
 * operand    := path | ":value" | "size" "(" path ")" | "(" operand ")"
 * path       := (name | "#name") ("." (name | "#name") | "[" digits "]")*
 * update     := (("SET" set ("," set)*) | ("REMOVE" path ("," path)*) | ("ADD" path ":value" ("," ...)*)
 *               | ("DELETE" path ":value" ("," ...)*))+
 * set        := path "=" value ; value := term (("+" | "-") term)?
 * term       := path | ":value" | "if_not_exists" "(" path "," value ")" | "list_append" "(" value "," value ")"
 * projection := path ("," path)*
 * </pre>
 *
 * A syntax error fails at once; the other faults are gathered and the gravest reported, as
 * DynamoDB does: an unknown function before a misused one, before a reserved word, before an
 * undefined placeholder, before a wrong number or type of operands. Every failure is a
 * {@link ValidationException} whose message starts with "Invalid &lt;ExpressionKind&gt;: ".
 */
public final class ExpressionParser {

    private static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    /** Deeper nesting is refused rather than risking the stack; DynamoDB's 4 KB expressions never need it. */
    private static final int MAX_NESTING = 100;
    private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");

    /** The faults found after parsing, gravest first. */
    private enum Fault {
        UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, UNDEFINED_PLACEHOLDER, OPERAND_COUNT, OPERAND_TYPE, REPEATED_SECTION,
        /** A path compared with itself, which AWS reports after every other fault of a condition. */
        NOT_DISTINCT,
        /** A value of the wrong type for ADD or DELETE, which AWS finds before functions' faults. */
        CLAUSE_OPERAND_TYPE
    }

    /** An update's faults that AWS reports before overlapping or conflicting paths, gravest first. */
    private static final List<Fault> UPDATE_FAULTS_BEFORE_PATHS =
            List.of(Fault.RESERVED_WORD, Fault.UNKNOWN_FUNCTION, Fault.REPEATED_SECTION, Fault.UNDEFINED_PLACEHOLDER);
    /** An update's faults that AWS reports after overlapping or conflicting paths, gravest first. */
    private static final List<Fault> UPDATE_FAULTS_AFTER_PATHS =
            List.of(Fault.CLAUSE_OPERAND_TYPE, Fault.OPERAND_COUNT, Fault.OPERAND_TYPE, Fault.MISUSED_FUNCTION);

    private final String kind;
    private final String text;
    private final List<Token> tokens;
    private final ExpressionAttributes attributes;
    private final Map<Fault, String> faults = new EnumMap<>(Fault.class);
    private int position;
    private int depth;
    private Operand standingOperand;

    private ExpressionParser(String kind, String text, ExpressionAttributes attributes) {
        this.kind = kind;
        this.text = text;
        this.tokens = ExpressionLexer.tokens(text);
        this.attributes = attributes;
    }

    /**
     * @param kind the request parameter, e.g. ConditionExpression, FilterExpression,
     *             KeyConditionExpression, for messages
     */
    public static Condition condition(String kind, String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser(kind, text, attributes);
        parser.requireNotEmpty();
        parser.requireNoRedundantParentheses();
        Condition condition = parser.parseOr(false);
        parser.expectEnd();
        return condition;
    }

    public static UpdateExpression update(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser("UpdateExpression", text, attributes);
        parser.requireNotEmpty();
        UpdateExpression update = parser.parseUpdate();
        parser.expectEnd();
        parser.requireDistinctPaths(update.paths());
        parser.reportFaults(UPDATE_FAULTS_AFTER_PATHS);
        return update;
    }

    public static Projection projection(String text, ExpressionAttributes attributes) {
        ExpressionParser parser = new ExpressionParser("ProjectionExpression", text, attributes);
        parser.requireNotEmpty();
        List<Path> paths = new ArrayList<>();
        paths.add(parser.parsePath());
        while (parser.accept(",")) {
            paths.add(parser.parsePath());
        }
        parser.expectEnd();
        parser.requireDistinctPaths(paths);
        return new Projection(paths);
    }

    // ---- conditions

    private Condition parseOr(boolean operandMayStandAlone) {
        Condition condition = parseAnd(operandMayStandAlone);
        while (condition != null && peek().isKeyword("OR")) {
            position++;
            condition = new Condition.Or(condition, parseAnd(false));
        }
        return condition;
    }

    private Condition parseAnd(boolean operandMayStandAlone) {
        Condition condition = parseNot(operandMayStandAlone);
        while (condition != null && peek().isKeyword("AND")) {
            position++;
            condition = new Condition.And(condition, parseNot(false));
        }
        return condition;
    }

    /**
     * "(" opens either a condition, {@code (a = b)}, or an operand, {@code (a) = b}. Inside
     * parentheses an operand may stand alone; it comes back as null with {@link #standingOperand}
     * set, and the comparison after the ")" completes it. No backtracking, so parsing stays linear.
     */
    private Condition parseNot(boolean operandMayStandAlone) {
        if (peek().isKeyword("NOT")) {
            enterNesting();
            position++;
            Condition negated = new Condition.Not(parseNot(false));
            depth--;
            return negated;
        }
        if (peek().is("(")) {
            Condition grouped = parenthesised(() -> parseOr(true));
            if (grouped != null) {
                return grouped;
            }
            if (operandMayStandAlone && peek().is(")")) {
                return null;
            }
            return parseComparison(standingOperand);
        }
        return parsePredicate(operandMayStandAlone);
    }

    private void enterNesting() {
        if (++depth > MAX_NESTING) {
            throw syntaxError(peek());
        }
    }

    /** What stands between the "(" at hand and its ")", one level of nesting deeper. */
    private <T> T parenthesised(Supplier<T> inner) {
        enterNesting();
        position++;
        T parsed = inner.get();
        expect(")");
        depth--;
        return parsed;
    }

    /**
     * A list of operands separated by commas and closed by ")", one level of nesting deeper: the
     * arguments of a function, whose "(" has been read, or the candidates of IN.
     */
    private List<Operand> operandList(Supplier<Operand> operand) {
        enterNesting();
        List<Operand> operands = new ArrayList<>();
        operands.add(operand.get());
        while (accept(",")) {
            operands.add(operand.get());
        }
        expect(")");
        depth--;
        return operands;
    }

    private static boolean startsComparison(Token token) {
        return token.kind() == Token.Kind.SYMBOL && Set.of("=", "<>", "<", "<=", ">", ">=").contains(token.text())
                || token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }

    private Condition parsePredicate(boolean operandMayStandAlone) {
        Token start = peek();
        if (start.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(") && !start.text().equals("size")) {
            Condition function = parseConditionFunction();
            if (startsComparison(peek())) {
                // compared like an operand: AWS names the function before anything else wrong with it
                throw invalid(CONDITION_FUNCTIONS.contains(start.text())
                        ? "The function is not allowed to be used this way in an expression; function: " + start.text()
                        : "Invalid function name; function: " + start.text());
            }
            return function;
        }
        Operand left = parseOperand();
        if (operandMayStandAlone && peek().is(")")) {
            standingOperand = left;
            return null;
        }
        return parseComparison(left);
    }

    private Condition parseComparison(Operand left) {
        Token operator = peek();
        if (operator.kind() == Token.Kind.SYMBOL && startsComparison(operator)) {
            position++;
            Operand right = parseOperand();
            requireDistinct(operator.text(), left, right);
            return new Condition.Comparison(left, operator.text(), right);
        }
        if (operator.isKeyword("BETWEEN")) {
            position++;
            Operand lower = parseOperand();
            expectKeyword("AND");
            Operand upper = parseOperand();
            checkBetweenBounds(lower, upper);
            return new Condition.Between(left, lower, upper);
        }
        if (operator.isKeyword("IN")) {
            position++;
            expect("(");
            List<Operand> candidates = operandList(this::parseOperand);
            return new Condition.In(left, candidates);
        }
        throw syntaxError(operator);
    }

    /** AWS refuses comparing a document path with itself ({@code a = a}, {@code contains(a, a)}); values may repeat. */
    private void requireDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.PathOperand a && second instanceof Operand.PathOperand b && a.path().equals(b.path())) {
            fault(Fault.NOT_DISTINCT, "The first operand must be distinct from the remaining operands for this operator or"
                    + " function; operator: " + operator + ", first operand: " + a.path());
        }
    }

    private void checkBetweenBounds(Operand lower, Operand upper) {
        if (lower instanceof Operand.Literal lo && upper instanceof Operand.Literal hi) {
            JsonNode a = lo.attributeValue();
            JsonNode b = hi.attributeValue();
            String describedBounds = "lower bound operand: AttributeValue: {" + lo.staticType() + ":" + a.get(lo.staticType())
                    .asText() + "}, upper bound operand: AttributeValue: {" + hi.staticType() + ":" + b.get(hi.staticType())
                    .asText() + "}";
            if (!lo.staticType().equals(hi.staticType())) {
                fault(Fault.OPERAND_TYPE, "The BETWEEN operator requires same data type for lower and upper bounds; "
                        + describedBounds);
            } else if (AttributeValue.ordered(a, b) && AttributeValue.compare(a, b) > 0) {
                fault(Fault.OPERAND_TYPE, "The BETWEEN operator requires upper bound to be greater than or equal to "
                        + "lower bound; " + describedBounds);
            }
        }
    }

    private Condition parseConditionFunction() {
        String function = next().text();
        position++; // "("
        List<Operand> arguments = operandList(this::parseOperand);
        if (!CONDITION_FUNCTIONS.contains(function)) {
            fault(UPDATE_FUNCTIONS.contains(function) ? Fault.MISUSED_FUNCTION : Fault.UNKNOWN_FUNCTION,
                    UPDATE_FUNCTIONS.contains(function)
                            ? "The function is not allowed in a condition expression; function: " + function
                            : "Invalid function name; function: " + function);
            return new Condition.AttributeExists(Path.of(function));
        }
        int expected = function.equals("attribute_exists") || function.equals("attribute_not_exists") ? 1 : 2;
        if (arguments.size() != expected) {
            fault(Fault.OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + arguments.size());
            return new Condition.AttributeExists(Path.of(function));
        }
        Operand first = arguments.get(0);
        if (function.startsWith("attribute_") && !(first instanceof Operand.PathOperand)) {
            fault(Fault.OPERAND_TYPE, "Operator or function requires a document path; operator or function: " + function);
            return new Condition.AttributeExists(Path.of(function));
        }
        if (expected == 2) {
            requireDistinct(function, first, arguments.get(1));
        }
        return switch (function) {
            case "attribute_exists" -> new Condition.AttributeExists(((Operand.PathOperand) first).path());
            case "attribute_not_exists" -> new Condition.AttributeNotExists(((Operand.PathOperand) first).path());
            case "attribute_type" -> {
                checkAttributeTypeName(arguments.get(1));
                yield new Condition.AttributeType(((Operand.PathOperand) first).path(), arguments.get(1));
            }
            case "begins_with" -> {
                arguments.forEach(argument -> requireType(function, argument, Set.of("S", "B")));
                yield new Condition.BeginsWith(first, arguments.get(1));
            }
            default -> new Condition.Contains(first, arguments.get(1));
        };
    }

    private void checkAttributeTypeName(Operand type) {
        String staticType = type.staticType();
        if (!"S".equals(staticType)) {
            fault(Fault.OPERAND_TYPE, "Incorrect operand type for operator or function; operator or function: "
                    + "attribute_type, operand type: " + (staticType == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : staticType));
            return;
        }
        String name = ((Operand.Literal) type).attributeValue().get("S").asText();
        if (!AttributeValue.isValidTypeName(name)) {
            fault(Fault.OPERAND_TYPE, "Invalid attribute type name found; type: " + name
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
    }

    private void requireType(String function, Operand operand, Set<String> allowed) {
        String type = operand.staticType();
        if (type != null && !allowed.contains(type)) {
            fault(Fault.OPERAND_TYPE, "Incorrect operand type for operator or function; operator or function: "
                    + function + ", operand type: " + type);
        }
    }

    /** An operand of a condition: its functions are size() alone, and it has no arithmetic. */
    private Operand parseOperand() {
        return parseTerm(this::parseOperand, this::operandFunction);
    }

    /**
     * A term, alike in conditions and in SET: a parenthesised {@code enclosed}, a value placeholder,
     * a function of {@code enclosed} arguments, or a document path.
     */
    private Operand parseTerm(Supplier<Operand> enclosed, BiFunction<String, List<Operand>, Operand> function) {
        Token token = peek();
        if (token.is("(")) {
            return parenthesised(enclosed);
        }
        if (token.kind() == Token.Kind.VALUE_PLACEHOLDER) {
            position++;
            return literal(token);
        }
        if (token.kind() == Token.Kind.IDENTIFIER && peekAt(1).is("(")) {
            String name = next().text();
            position++; // "("
            return function.apply(name, operandList(enclosed));
        }
        return new Operand.PathOperand(parsePath());
    }

    /** A function as an operand of a condition: size() is the one there is. */
    private Operand operandFunction(String function, List<Operand> arguments) {
        if (!function.equals("size")) {
            boolean known = CONDITION_FUNCTIONS.contains(function) || UPDATE_FUNCTIONS.contains(function);
            fault(known ? Fault.MISUSED_FUNCTION : Fault.UNKNOWN_FUNCTION, known
                    ? "The function is not allowed to be used this way in an expression; function: " + function
                    : "Invalid function name; function: " + function);
            return new Operand.Size(Path.of(function));
        }
        if (arguments.size() != 1) {
            fault(Fault.OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or function: "
                    + "size, number of operands: " + arguments.size());
            return new Operand.Size(Path.of(function));
        }
        if (!(arguments.get(0) instanceof Operand.PathOperand path)) {
            requireType("size", arguments.get(0), Set.of("S", "B", "SS", "NS", "BS", "L", "M"));
            return new Operand.Size(Path.of(function));
        }
        return new Operand.Size(path.path());
    }

    private Operand.Literal literal(Token token) {
        JsonNode value = attributes.value(token.text());
        if (value == null) {
            fault(Fault.UNDEFINED_PLACEHOLDER,
                    "An expression attribute value used in expression is not defined; attribute value: " + token.text());
            return new Operand.Literal(AttributeValue.s(""));
        }
        return new Operand.Literal(value);
    }

    private Path parsePath() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        while (true) {
            if (accept(".")) {
                elements.add(pathName());
            } else if (accept("[")) {
                Token index = next();
                if (index.kind() != Token.Kind.NUMBER) {
                    throw syntaxError(index);
                }
                try {
                    elements.add(Integer.parseInt(index.text()));
                } catch (NumberFormatException e) {
                    throw syntaxError(index);
                }
                expect("]");
            } else {
                return new Path(elements);
            }
        }
    }

    private String pathName() {
        Token token = next();
        if (token.kind() == Token.Kind.NAME_PLACEHOLDER) {
            String name = attributes.name(token.text());
            if (name == null) {
                fault(Fault.UNDEFINED_PLACEHOLDER,
                        "An expression attribute name used in the document path is not defined; attribute name: " + token.text());
                return token.text();
            }
            return name;
        }
        String upper = token.text().toUpperCase(java.util.Locale.ROOT);
        // in an update, SET, REMOVE, ADD and DELETE open clauses: never a name
        if (token.kind() != Token.Kind.IDENTIFIER || KEYWORDS.contains(upper)
                || kind.equals("UpdateExpression") && CLAUSES.contains(upper)) {
            throw syntaxError(token);
        }
        if (ReservedWords.contains(token.text())) {
            fault(Fault.RESERVED_WORD, "Attribute name is a reserved keyword; reserved keyword: " + token.text());
        }
        return token.text();
    }

    // ---- updates

    private UpdateExpression parseUpdate() {
        List<UpdateAction> actions = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (peek().kind() != Token.Kind.END) {
            Token clause = next();
            String name = clause.text().toUpperCase(java.util.Locale.ROOT);
            if (clause.kind() != Token.Kind.IDENTIFIER || !CLAUSES.contains(name)) {
                throw syntaxError(clause);
            }
            if (!seen.add(name)) {
                fault(Fault.REPEATED_SECTION, "The \"" + name + "\" section can only be used once in an update expression;");
            }
            do {
                actions.add(switch (name) {
                    case "SET" -> parseSetAction();
                    case "REMOVE" -> new UpdateAction.Remove(parsePath());
                    case "ADD" -> {
                        Path path = parsePath();
                        Operand value = parseValuePlaceholder();
                        requireType("ADD", value, Set.of("N", "SS", "NS", "BS"), "operator");
                        yield new UpdateAction.Add(path, value);
                    }
                    default -> {
                        Path path = parsePath();
                        Operand value = parseValuePlaceholder();
                        requireType("DELETE", value, Set.of("SS", "NS", "BS"), "operator");
                        yield new UpdateAction.Delete(path, value);
                    }
                });
            } while (accept(","));
        }
        return new UpdateExpression(actions);
    }

    private void requireType(String operator, Operand operand, Set<String> allowed, String label) {
        String type = operand.staticType();
        if (type != null && !allowed.contains(type)) {
            fault(Fault.CLAUSE_OPERAND_TYPE, "Incorrect operand type for operator or function; " + label + ": " + operator
                    + ", operand type: " + longTypeName(type));
        }
    }

    private static String longTypeName(String type) {
        return switch (type) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> type;
        };
    }

    private Operand parseValuePlaceholder() {
        Token token = next();
        if (token.kind() != Token.Kind.VALUE_PLACEHOLDER) {
            throw syntaxError(token);
        }
        return literal(token);
    }

    private UpdateAction parseSetAction() {
        Path path = parsePath();
        expect("=");
        return new UpdateAction.Set(path, parseSetValue());
    }

    private Operand parseSetValue() {
        Operand left = parseSetTerm();
        Token operator = peek();
        if (operator.is("+") || operator.is("-")) {
            position++;
            Operand right = parseSetTerm();
            requireType(operator.text(), left, Set.of("N"));
            requireType(operator.text(), right, Set.of("N"));
            return new Operand.Arithmetic(left, operator.text(), right);
        }
        return left;
    }

    /** A term of a SET value: within its parentheses and arguments, arithmetic may stand. */
    private Operand parseSetTerm() {
        return parseTerm(this::parseSetValue, this::setFunction);
    }

    private Operand setFunction(String function, List<Operand> arguments) {
        Operand placeholder = new Operand.PathOperand(Path.of(function));
        if (!UPDATE_FUNCTIONS.contains(function)) {
            boolean known = CONDITION_FUNCTIONS.contains(function) || function.equals("size");
            fault(known ? Fault.MISUSED_FUNCTION : Fault.UNKNOWN_FUNCTION, known
                    ? "The function is not allowed in an update expression; function: " + function
                    : "Invalid function name; function: " + function);
            return placeholder;
        }
        if (arguments.size() != 2) {
            fault(Fault.OPERAND_COUNT, "Incorrect number of operands for operator or function; operator or function: "
                    + function + ", number of operands: " + arguments.size());
            return placeholder;
        }
        if (function.equals("if_not_exists")) {
            if (!(arguments.get(0) instanceof Operand.PathOperand path)) {
                fault(Fault.OPERAND_TYPE, "Operator or function requires a document path; operator or function: if_not_exists");
                return placeholder;
            }
            return new Operand.IfNotExists(path.path(), arguments.get(1));
        }
        arguments.forEach(argument -> requireType("list_append", argument, Set.of("L")));
        return new Operand.ListAppend(arguments.get(0), arguments.get(1));
    }

    /**
     * No path may be another or lead into it (an overlap), nor take a list index where another takes
     * a map key (a conflict); AWS names the first overlap, or else the last conflict it met.
     */
    private void requireDistinctPaths(List<Path> paths) {
        String conflict = null;
        for (int j = 1; j < paths.size(); j++) {
            for (int i = 0; i < j; i++) {
                String pair = "must remove or rewrite one of these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j);
                if (paths.get(i).conflicts(paths.get(j))) {
                    conflict = "Two document paths conflict with each other; " + pair;
                } else if (paths.get(i).overlaps(paths.get(j))) {
                    reportFaults();
                    throw invalid("Two document paths overlap with each other; " + pair);
                }
            }
        }
        if (conflict != null) {
            reportFaults();
            throw invalid(conflict);
        }
    }

    // ---- tokens and errors

    /**
     * AWS refuses parentheses that only wrap other parentheses, {@code ((a = b))}, before it looks at
     * anything else in a condition; a function's own parentheses are not counted.
     */
    private void requireNoRedundantParentheses() {
        int[] closing = new int[tokens.size()];
        java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                open.push(i);
            } else if (tokens.get(i).is(")")) {
                if (open.isEmpty()) {
                    return;
                }
                closing[open.pop()] = i;
            }
        }
        if (!open.isEmpty()) {
            return;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            boolean call = i > 0 && tokens.get(i - 1).kind() == Token.Kind.IDENTIFIER
                    && !KEYWORDS.contains(tokens.get(i - 1).text().toUpperCase(java.util.Locale.ROOT));
            if (tokens.get(i).is("(") && tokens.get(i + 1).is("(") && !call && closing[i + 1] + 1 == closing[i]) {
                throw invalid("The expression has redundant parentheses;");
            }
        }
    }

    private void requireNotEmpty() {
        if (peek().kind() == Token.Kind.END) {
            throw invalid("The expression can not be empty;");
        }
    }

    private void expectEnd() {
        if (peek().kind() != Token.Kind.END) {
            throw syntaxError(peek());
        }
        reportFaults();
    }

    /** Reports the gravest fault found; in an update, only those AWS reports before overlapping paths. */
    private void reportFaults() {
        if (kind.equals("UpdateExpression")) {
            reportFaults(UPDATE_FAULTS_BEFORE_PATHS);
        } else if (!faults.isEmpty()) {
            throw invalid(faults.values().iterator().next());
        }
    }

    private void reportFaults(List<Fault> order) {
        for (Fault fault : order) {
            if (faults.containsKey(fault)) {
                throw invalid(faults.get(fault));
            }
        }
    }

    private void fault(Fault fault, String message) {
        faults.putIfAbsent(fault, message);
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.kind() != Token.Kind.END) {
            position++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw syntaxError(peek());
        }
    }

    private void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw syntaxError(peek());
        }
        position++;
    }

    /** AWS shows the offending token and the text from the token before it to the token after it. */
    private ValidationException syntaxError(Token token) {
        int index = tokens.indexOf(token);
        int from = index > 0 ? tokens.get(index - 1).position() : token.position();
        int to = index + 1 < tokens.size() ? tokens.get(index + 1).end() : token.end();
        return invalid("Syntax error; token: \"" + token.text() + "\", near: \"" + text.substring(from, Math.max(from, to))
                + "\"");
    }

    private ValidationException invalid(String message) {
        return new ValidationException("Invalid " + kind + ": " + message);
    }
}
