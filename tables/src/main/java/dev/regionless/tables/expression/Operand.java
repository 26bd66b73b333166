package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;

/** Something a condition compares: an attribute reached by a path, a supplied value, or {@code size(path)}. */
public sealed interface Operand {
    /** The value at a document path of the item, absent if the path reaches nothing. */
    record Path(DocumentPath path) implements Operand {
        public Path {
            requireNonNull(path, "path");
        }
    }

    /** A value from {@code ExpressionAttributeValues}. */
    record Value(AttributeValue value) implements Operand {
        public Value {
            requireNonNull(value, "value");
        }
    }

    /** {@code size(path)}: the length of a string or binary, or the number of elements of a set, list or map. */
    record Size(DocumentPath path) implements Operand {
        public Size {
            requireNonNull(path, "path");
        }
    }
}
