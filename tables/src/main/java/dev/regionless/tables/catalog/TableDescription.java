package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A table as DescribeTable reports it.
 *
 * @param definition what it was created with
 * @param tableId a unique id, new for every table created (also after a delete and re-create with the same name)
 * @param arn {@code arn:aws:dynamodb:<region>:<account>:table/<name>}
 * @param createdAt when it was created
 * @param status ACTIVE, or DELETING in the answer to DeleteTable
 */
public record TableDescription(
        TableDefinition definition, String tableId, String arn, Instant createdAt, String status) {
    public TableDescription {
        requireNonNull(definition, "definition");
        requireNonNull(tableId, "tableId");
        requireNonNull(arn, "arn");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(status, "status");
    }

    public String name() {
        return definition.name();
    }

    public TableDescription withStatus(String newStatus) {
        return new TableDescription(definition, tableId, arn, createdAt, newStatus);
    }
}
