/**
 * DynamoDB's dialect of PartiQL: a hand-written lexer and parser that turn a statement and its {@code ?} parameters
 * into a tree of records, and translators that turn that tree into the JSON requests of the item API (Query, Scan,
 * PutItem, UpdateItem, DeleteItem and the transaction actions), so a statement takes the same write path as the
 * JSON API. Everything here is pure: no table is read or written.
 */
package dev.regionless.tables.partiql;
