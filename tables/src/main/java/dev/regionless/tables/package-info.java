/**
 * The table service of a region, in DynamoDB's terms: items made of typed attribute values, the expression
 * language, and (to come) tables stored on RocksDB with change streams. Nothing here knows about HTTP.
 */
package dev.regionless.tables;
