/**
 * Durable storage under the tables: a RocksDB database whose writes are acknowledged only once they are on disk,
 * with concurrent writers sharing each write-ahead-log sync (group commit).
 */
package dev.regionless.tables.storage;
