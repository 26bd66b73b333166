/**
 * Durable storage under the queues: one RocksDB database with a column family per kind of record, whose writes are
 * acknowledged only once on disk, concurrent writers sharing each log sync.
 */
package dev.regionless.queues.storage;
