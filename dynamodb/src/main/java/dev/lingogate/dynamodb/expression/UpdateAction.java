package dev.lingogate.dynamodb.expression;

/** One action of an UpdateExpression's SET, REMOVE, ADD or DELETE clause. */
public sealed interface UpdateAction {

    Path path();

    record Set(Path path, Operand value) implements UpdateAction {
    }

    record Remove(Path path) implements UpdateAction {
    }

    /** ADD: adds a number to a number, or elements to a set; creates the attribute when missing. */
    record Add(Path path, Operand value) implements UpdateAction {
    }

    /** DELETE: removes elements from a set; an emptied set disappears. */
    record Delete(Path path, Operand value) implements UpdateAction {
    }
}
