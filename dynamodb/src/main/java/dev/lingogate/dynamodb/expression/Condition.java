package dev.lingogate.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lingogate.dynamodb.model.AttributeValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A condition of a ConditionExpression, FilterExpression or KeyConditionExpression, tested
 * against an item (an empty item when there is none). A comparison with a missing attribute is
 * false, except {@code <>}, which is true.
 */
public sealed interface Condition {

    boolean test(JsonNode item);

    /** The document paths the condition reads, in the order written. */
    default List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        collectPaths(this, paths);
        return paths;
    }

    private static void collectPaths(Condition condition, List<Path> paths) {
        if (condition instanceof Comparison comparison) {
            Operand.collectPaths(List.of(comparison.left(), comparison.right()), paths);
        } else if (condition instanceof Between between) {
            Operand.collectPaths(List.of(between.value(), between.lower(), between.upper()), paths);
        } else if (condition instanceof In in) {
            Operand.collectPaths(List.of(in.value()), paths);
            Operand.collectPaths(in.candidates(), paths);
        } else if (condition instanceof AttributeExists exists) {
            paths.add(exists.path());
        } else if (condition instanceof AttributeNotExists notExists) {
            paths.add(notExists.path());
        } else if (condition instanceof AttributeType type) {
            paths.add(type.path());
            Operand.collectPaths(List.of(type.type()), paths);
        } else if (condition instanceof BeginsWith beginsWith) {
            Operand.collectPaths(List.of(beginsWith.value(), beginsWith.prefix()), paths);
        } else if (condition instanceof Contains contains) {
            Operand.collectPaths(List.of(contains.container(), contains.element()), paths);
        } else if (condition instanceof And and) {
            collectPaths(and.left(), paths);
            collectPaths(and.right(), paths);
        } else if (condition instanceof Or or) {
            collectPaths(or.left(), paths);
            collectPaths(or.right(), paths);
        } else if (condition instanceof Not not) {
            collectPaths(not.condition(), paths);
        }
    }

    record Comparison(Operand left, String operator, Operand right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode a = left.value(item);
            JsonNode b = right.value(item);
            return switch (operator) {
                case "=" -> AttributeValue.equal(a, b);
                case "<>" -> !AttributeValue.equal(a, b);
                default -> AttributeValue.ordered(a, b) && holds(AttributeValue.compare(a, b));
            };
        }

        private boolean holds(int order) {
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            JsonNode lo = lower.value(item);
            JsonNode hi = upper.value(item);
            return AttributeValue.ordered(v, lo) && AttributeValue.ordered(v, hi)
                    && AttributeValue.compare(v, lo) >= 0 && AttributeValue.compare(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }

        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            return candidates.stream().anyMatch(candidate -> AttributeValue.equal(v, candidate.value(item)));
        }
    }

    record AttributeExists(Path path) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return path.resolve(item) != null;
        }
    }

    record AttributeNotExists(Path path) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return path.resolve(item) == null;
        }
    }

    record AttributeType(Path path, Operand type) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = path.resolve(item);
            JsonNode expected = type.value(item);
            return value != null && expected != null && expected.has("S")
                    && AttributeValue.type(value).equals(expected.get("S").asText());
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode v = value.value(item);
            JsonNode p = prefix.value(item);
            if (v == null || p == null || !AttributeValue.type(v).equals(AttributeValue.type(p))) {
                return false;
            }
            return switch (AttributeValue.type(v)) {
                case "S" -> v.get("S").asText().startsWith(p.get("S").asText());
                case "B" -> {
                    byte[] bytes = AttributeValue.binary(v);
                    byte[] start = AttributeValue.binary(p);
                    yield bytes.length >= start.length && Arrays.equals(bytes, 0, start.length, start, 0, start.length);
                }
                default -> false;
            };
        }
    }

    /** {@code contains}: a substring of a string, a run of bytes of a binary, a member of a set, an element of a list. */
    record Contains(Operand container, Operand element) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            JsonNode c = container.value(item);
            JsonNode e = element.value(item);
            if (c == null || e == null) {
                return false;
            }
            String containerType = AttributeValue.type(c);
            String elementType = AttributeValue.type(e);
            return switch (containerType) {
                case "S" -> elementType.equals("S") && c.get("S").asText().contains(e.get("S").asText());
                case "B" -> elementType.equals("B") && containsBytes(AttributeValue.binary(c), AttributeValue.binary(e));
                case "SS", "NS", "BS" -> elementType.equals(containerType.substring(0, 1))
                        && AttributeValue.setContains(containerType, c.get(containerType), e.get(elementType).asText());
                case "L" -> {
                    for (JsonNode member : c.get("L")) {
                        if (AttributeValue.equal(member, e)) {
                            yield true;
                        }
                    }
                    yield false;
                }
                default -> false;
            };
        }
    }

    /** Whether {@code bytes} holds {@code part} as a run of consecutive bytes. */
    private static boolean containsBytes(byte[] bytes, byte[] part) {
        for (int start = 0; start + part.length <= bytes.length; start++) {
            if (Arrays.equals(bytes, start, start + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(JsonNode item) {
            return !condition.test(item);
        }
    }
}
