package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.Optional;

/** The template's {@code Mappings}: three levels of keys, checked when read, looked up by {@code Fn::FindInMap}. */
public final class Mappings {

    private final Mapping maps;

    private Mappings(Mapping maps) {
        this.maps = maps;
    }

    public static Mappings read(Optional<Node> section, Location owner) {
        var maps = section.filter(node -> !(node instanceof Scalar s && s.isNull()))
                .map(Values::mapping)
                .orElse(Mapping.empty(owner.child("Mappings")));
        for (var map : maps.entries().values()) {
            for (var topLevel : Values.mapping(map).entries().values()) {
                for (var value : Values.mapping(topLevel).entries().values()) {
                    checkLeaf(value);
                }
            }
        }
        return new Mappings(maps);
    }

    /** The value at {@code map.topLevelKey.secondLevelKey}, placed at {@code usedAt}. */
    Node find(String map, String topLevelKey, String secondLevelKey, Location usedAt) {
        var level1 = Values.mapping(lookup(maps, map, "mapping", usedAt));
        var level2 = Values.mapping(lookup(level1, topLevelKey, "key in " + map, usedAt));
        var value = lookup(level2, secondLevelKey, "key in " + map + "." + topLevelKey, usedAt);
        return Node.relocated(value, usedAt);
    }

    private static Node lookup(Mapping mapping, String key, String what, Location usedAt) {
        var known = mapping.entries().isEmpty()
                ? "none is defined"
                : String.join(", ", mapping.entries().keySet());
        return mapping.get(key)
                .orElseThrow(() -> usedAt.error("Fn::FindInMap: " + (key.isEmpty() ? "\"\"" : key) + " is not a " + what
                        + " (expected: one of " + known + ")"));
    }

    private static void checkLeaf(Node value) {
        switch (value) {
            case Scalar scalar when !scalar.isNull() -> {}
            case Sequence list -> Values.strings(list);
            default -> throw Values.unexpected(value, "a string or a list of strings");
        }
    }
}
