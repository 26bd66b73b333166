package dev.regionless.tables;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An item: an immutable map of attribute names to values, with its size measured as DynamoDB measures it (the
 * UTF-8 length of each attribute name plus the size of its value).
 */
public record Item(Map<String, AttributeValue> attributes) {
    /** DynamoDB's largest item, 400 KB. */
    public static final int MAX_SIZE = 400 * 1024;

    private static final Item EMPTY = new Item(Map.of());

    public Item {
        var copy = new LinkedHashMap<String, AttributeValue>();
        requireNonNull(attributes, "attributes")
                .forEach((name, value) ->
                        copy.put(requireNonNull(name, "attribute name"), requireNonNull(value, "attribute value")));
        attributes = Collections.unmodifiableMap(copy);
    }

    /** The item with no attributes. */
    public static Item empty() {
        return EMPTY;
    }

    /** An item holding the given attributes. */
    public static Item of(Map<String, AttributeValue> attributes) {
        return new Item(attributes);
    }

    /** The value of a top-level attribute, if the item has it. */
    public Optional<AttributeValue> get(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** This item with one top-level attribute set. */
    public Item with(String name, AttributeValue value) {
        var copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new Item(copy);
    }

    /** This item without the given top-level attribute. */
    public Item without(String name) {
        var copy = new LinkedHashMap<>(attributes);
        copy.remove(name);
        return new Item(copy);
    }

    /** True if the item has no attributes. */
    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** The item's size in bytes by DynamoDB's rules, the figure the 400 KB limit and capacity units use. */
    public int size() {
        return attributes.entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().size())
                .sum();
    }

    /** True if the item is larger than DynamoDB's 400 KB limit. */
    public boolean exceedsMaxSize() {
        return size() > MAX_SIZE;
    }
}
