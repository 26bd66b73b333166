package dev.regionless.tables.catalog;

/** The types a key attribute may have, spelled as DynamoDB spells them. */
public enum ScalarAttributeType {
    S,
    N,
    B
}
