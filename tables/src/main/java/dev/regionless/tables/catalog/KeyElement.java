package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One key attribute of a table or index: its name and its type.
 *
 * @param name the attribute name
 * @param type S, N or B
 */
public record KeyElement(String name, ScalarAttributeType type) {
    public KeyElement {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
