package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;

/**
 * An operand of a {@code SET} action: a path, a value, or one of the two update functions, which may nest
 * ({@code list_append(if_not_exists(l, :empty), :new)}).
 */
public sealed interface UpdateOperand {
    /** The value at a path of the item as it was before the update. */
    record Path(DocumentPath path) implements UpdateOperand {
        public Path {
            requireNonNull(path, "path");
        }
    }

    /** A value from {@code ExpressionAttributeValues}. */
    record Value(AttributeValue value) implements UpdateOperand {
        public Value {
            requireNonNull(value, "value");
        }
    }

    /** {@code if_not_exists(path, fallback)}: the value at the path if there is one, else the fallback. */
    record IfNotExists(DocumentPath path, UpdateOperand fallback) implements UpdateOperand {}

    /** {@code list_append(first, second)}: the elements of two lists, first then second. */
    record ListAppend(UpdateOperand first, UpdateOperand second) implements UpdateOperand {}
}
