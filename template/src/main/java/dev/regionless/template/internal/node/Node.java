package dev.regionless.template.internal.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * One value of the template. Before intrinsic functions are evaluated a tree may hold {@link Intrinsic} calls;
 * after, only scalars, sequences and mappings.
 */
public sealed interface Node permits Scalar, Sequence, Mapping, Intrinsic {

    Location location();

    /** How the node reads in an error message: a scalar's text, or "a list", "a mapping", "Fn::Sub". */
    String display();

    /**
     * A copy of {@code node} placed at {@code location}, with list items and mapping values placed beneath it: used
     * when a value defined in one place (a parameter, a mapping) is used in another, so that a problem with the value
     * is reported where it is used.
     */
    static Node relocated(Node node, Location location) {
        return switch (node) {
            case Scalar scalar -> new Scalar(scalar.text(), scalar.kind(), location);
            case Sequence sequence -> {
                var items = new ArrayList<Node>();
                for (var item : sequence.items()) {
                    items.add(relocated(item, location.item(items.size(), location.line())));
                }
                yield new Sequence(items, location);
            }
            case Mapping mapping -> {
                var entries = new LinkedHashMap<String, Node>();
                mapping.entries().forEach((key, value) -> entries.put(key, relocated(value, location.child(key))));
                yield new Mapping(entries, location);
            }
            case Intrinsic intrinsic -> new Intrinsic(intrinsic.function(), intrinsic.argument(), location);
        };
    }
}
