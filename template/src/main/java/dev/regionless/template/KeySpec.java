package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The key of a table or of one of its indexes: a partition ({@code HASH}) key and an optional sort ({@code RANGE})
 * key, each with the type its {@code AttributeDefinitions} entry gives it.
 *
 * @param partitionKey the {@code HASH} key
 * @param sortKey the {@code RANGE} key, or {@code null} for a simple primary key
 */
public record KeySpec(Attribute partitionKey, Attribute sortKey) {

    public KeySpec {
        requireNonNull(partitionKey, "partitionKey");
    }

    /** The sort key, if there is one. */
    public Optional<Attribute> sort() {
        return Optional.ofNullable(sortKey);
    }

    /**
     * One key attribute.
     *
     * @param name the attribute name
     * @param type its type, spelled as {@code AttributeType} spells it
     */
    public record Attribute(String name, AttributeType type) {

        public Attribute {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    /** The types a key attribute may have: string, number, binary. */
    public enum AttributeType {
        S,
        N,
        B
    }
}
