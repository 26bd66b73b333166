package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed condition or filter expression: a tree of comparisons, functions and logical operators, with every
 * placeholder already resolved. {@link ConditionEvaluator} decides whether an item satisfies it.
 */
public sealed interface Condition {
    /** {@code left op right}. */
    record Comparison(Comparator comparator, Operand left, Operand right) implements Condition {
        public Comparison {
            requireNonNull(comparator, "comparator");
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }
    }

    /** {@code value BETWEEN low AND high}, both bounds included. */
    record Between(Operand value, Operand low, Operand high) implements Condition {}

    /** {@code value IN (a, b, ...)}. */
    record In(Operand value, List<Operand> candidates) implements Condition {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code left AND right}. */
    record And(Condition left, Condition right) implements Condition {}

    /** {@code left OR right}. */
    record Or(Condition left, Condition right) implements Condition {}

    /** {@code NOT condition}. */
    record Not(Condition condition) implements Condition {}

    /** {@code attribute_exists(path)}. */
    record AttributeExists(DocumentPath path) implements Condition {}

    /** {@code attribute_not_exists(path)}. */
    record AttributeNotExists(DocumentPath path) implements Condition {}

    /** {@code attribute_type(path, :type)}, the type spelled as DynamoDB spells it ({@code S}, {@code SS}, ...). */
    record AttributeType(DocumentPath path, Operand type) implements Condition {}

    /** {@code begins_with(path, operand)} for strings and binaries. */
    record BeginsWith(DocumentPath path, Operand prefix) implements Condition {}

    /** {@code contains(path, operand)}: a substring, a set member, or a list element. */
    record Contains(DocumentPath path, Operand operand) implements Condition {}
}
