package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.AttributeValue;

/** One action of an update expression, on the document path it changes. */
public sealed interface UpdateAction {
    /** The path this action changes. */
    DocumentPath path();

    /** {@code SET path = value}. */
    record Set(DocumentPath path, SetValue value) implements UpdateAction {
        public Set {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }

    /** {@code REMOVE path}; removing a list element shifts the later ones down. */
    record Remove(DocumentPath path) implements UpdateAction {
        public Remove {
            requireNonNull(path, "path");
        }
    }

    /** {@code ADD path :value}: adds to a number, or adds members to a set (creating either if absent). */
    record Add(DocumentPath path, AttributeValue value) implements UpdateAction {
        public Add {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }

    /** {@code DELETE path :set}: removes members from a set, and the attribute if no member is left. */
    record Delete(DocumentPath path, AttributeValue value) implements UpdateAction {
        public Delete {
            requireNonNull(path, "path");
            requireNonNull(value, "value");
        }
    }
}
