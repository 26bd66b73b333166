/**
 * Change streams as DynamoDB Streams presents them: one stream per table (identified by its label), one shard per
 * stream, sequence numbers as decimal strings and shard iterators as opaque strings. The stream records themselves
 * are the table store's {@link dev.regionless.tables.ChangeRecord}s.
 */
package dev.regionless.tables.streams;
