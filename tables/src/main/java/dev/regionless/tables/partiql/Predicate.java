package dev.regionless.tables.partiql;

import java.util.List;

/** A WHERE clause, or part of one. */
sealed interface Predicate {
    record And(Predicate left, Predicate right) implements Predicate {}

    record Or(Predicate left, Predicate right) implements Predicate {}

    record Not(Predicate operand) implements Predicate {}

    /** {@code left operator right}, the operator one of {@code = <> < <= > >=}. */
    record Comparison(Operand left, String operator, Operand right) implements Predicate {}

    record Between(Operand value, Operand low, Operand high) implements Predicate {}

    record In(Operand value, List<Operand> candidates) implements Predicate {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code begins_with}, {@code contains}, {@code attribute_exists}, {@code attribute_not_exists}, ... */
    record Function(String name, List<Operand> arguments) implements Predicate {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code path IS [NOT] MISSING} or {@code path IS [NOT] NULL}. */
    record Is(AttributePath path, boolean missing, boolean negated) implements Predicate {}
}
