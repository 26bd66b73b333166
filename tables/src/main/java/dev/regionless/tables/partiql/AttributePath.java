package dev.regionless.tables.partiql;

import java.util.List;

/** A document path of a statement: {@code a}, {@code a.b[0]}, {@code "a"['b']}. */
record AttributePath(List<Step> steps) {
    AttributePath {
        steps = List.copyOf(steps);
    }

    /** One step of a path: a map member or a list element. */
    sealed interface Step permits Name, Index {}

    record Name(String name) implements Step {}

    record Index(int index) implements Step {}

    static AttributePath of(String name) {
        return new AttributePath(List.of(new Name(name)));
    }

    /** The top-level attribute the path starts from. */
    String root() {
        return ((Name) steps.getFirst()).name();
    }

    /** Whether the path is a top-level attribute and nothing more. */
    boolean isTopLevel() {
        return steps.size() == 1;
    }

    /** The name of the path's last member step: PartiQL's name for the value a SELECT projects. */
    String leafName() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i) instanceof Name name) {
                return name.name();
            }
        }
        return root();
    }
}
