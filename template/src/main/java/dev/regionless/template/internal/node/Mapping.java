package dev.regionless.template.internal.node;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in template order; each value's location is the line of its key. */
public record Mapping(Map<String, Node> entries, Location location) implements Node {

    public Mapping {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        requireNonNull(location, "location");
    }

    public static Mapping empty(Location location) {
        return new Mapping(Map.of(), location);
    }

    public Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    @Override
    public String display() {
        return "a mapping";
    }
}
