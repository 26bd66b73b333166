package dev.regionless.tables.catalog;

/** How a table is billed; both behave the same here, but DescribeTable reports the choice. */
public enum BillingMode {
    PROVISIONED,
    PAY_PER_REQUEST
}
