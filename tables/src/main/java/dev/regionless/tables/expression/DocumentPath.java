package dev.regionless.tables.expression;

import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A document path such as {@code a.b[2].c}, with placeholders already resolved: a top-level attribute name
 * followed by map keys and list indexes.
 */
public record DocumentPath(List<PathElement> elements) {
    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.getFirst() instanceof PathElement.Name)) {
            throw new IllegalArgumentException("elements: " + elements + " (expected: an attribute name first)");
        }
    }

    /** A path of map keys only, for example {@code of("a", "b")} for {@code a.b}. */
    public static DocumentPath of(String... names) {
        var elements = new ArrayList<PathElement>();
        for (var name : names) {
            elements.add(new PathElement.Name(name));
        }
        return new DocumentPath(elements);
    }

    /** The top-level attribute this path starts from. */
    public String attribute() {
        return ((PathElement.Name) elements.getFirst()).name();
    }

    /** True if the path is just a top-level attribute name. */
    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value this path reaches in an item, if it reaches one. */
    public Optional<AttributeValue> find(Item item) {
        var current = item.attributes().get(attribute());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return Optional.ofNullable(current);
    }

    private static AttributeValue step(AttributeValue value, PathElement element) {
        return switch (element) {
            case PathElement.Name name
            when value instanceof AttributeValue.M m -> m.values().get(name.name());
            case PathElement.Index index
            when value instanceof AttributeValue.L l ->
                index.index() < l.values().size() ? l.values().get(index.index()) : null;
            default -> null;
        };
    }

    /** The path as DynamoDB prints it in error messages: {@code [a, [1], b]}. */
    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
