package dev.regionless.template.internal.node;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A YAML list. */
public record Sequence(List<Node> items, Location location) implements Node {

    public Sequence {
        items = List.copyOf(items);
        requireNonNull(location, "location");
    }

    @Override
    public String display() {
        return "a list";
    }
}
