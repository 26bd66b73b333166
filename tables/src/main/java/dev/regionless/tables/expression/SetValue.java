package dev.regionless.tables.expression;

/** The right-hand side of a {@code SET} action: one operand, or the sum or difference of two numbers. */
public sealed interface SetValue {
    /** A single operand. */
    record Single(UpdateOperand operand) implements SetValue {}

    /** {@code left + right}, both numbers. */
    record Plus(UpdateOperand left, UpdateOperand right) implements SetValue {}

    /** {@code left - right}, both numbers. */
    record Minus(UpdateOperand left, UpdateOperand right) implements SetValue {}
}
