/**
 * A RocksDB database with one column family per kind of record and durable, group-committed writes, shared by the
 * services that keep their state in RocksDB (queues, topics). Needs {@code rocksdbjni}, which common declares
 * optional: only modules that store data bring it.
 */
package dev.regionless.common.storage;
