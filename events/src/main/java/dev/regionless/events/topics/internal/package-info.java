/**
 * How topics work inside: the RocksDB database, the catalog of topics and subscriptions, attribute and filter policy
 * rules, the notifications each protocol receives, and the deliveries owed with their retry schedule. Only {@link
 * dev.regionless.events.topics.Topics} uses this package.
 */
package dev.regionless.events.topics.internal;
