package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

/** One step of a document path: a map key (or top-level attribute name) or a list index. */
public sealed interface PathElement {
    /** An attribute name or map key, already resolved from any {@code #name} placeholder. */
    record Name(String name) implements PathElement {
        public Name {
            requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index, {@code [n]}. */
    record Index(int index) implements PathElement {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
            }
        }

        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}
