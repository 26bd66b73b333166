package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

/**
 * What CreateTable asks for.
 *
 * @param name the table name (3..255 characters of {@code [a-zA-Z0-9_.-]})
 * @param keySchema the primary key
 * @param billingMode PROVISIONED or PAY_PER_REQUEST
 * @param readCapacityUnits provisioned read capacity, 0 for on-demand tables
 * @param writeCapacityUnits provisioned write capacity, 0 for on-demand tables
 */
public record TableDefinition(
        String name, KeySchema keySchema, BillingMode billingMode, long readCapacityUnits, long writeCapacityUnits) {
    public TableDefinition {
        requireNonNull(name, "name");
        requireNonNull(keySchema, "keySchema");
        requireNonNull(billingMode, "billingMode");
    }
}
