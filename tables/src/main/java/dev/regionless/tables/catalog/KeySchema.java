package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A table's primary key: a partition (HASH) key and an optional sort (RANGE) key.
 *
 * @param partitionKey the HASH key
 * @param sortKey the RANGE key, or {@code null} for a table with a simple primary key
 */
public record KeySchema(KeyElement partitionKey, KeyElement sortKey) {
    public KeySchema {
        requireNonNull(partitionKey, "partitionKey");
    }

    public Optional<KeyElement> sort() {
        return Optional.ofNullable(sortKey);
    }
}
