/**
 * Global tables: every region ships the table changes it accepted to the other replicas of each global table over
 * HTTP links, applies theirs by last writer wins through the tables API, and fills new replicas from a snapshot.
 * {@link dev.regionless.replication.Replication} is the service a region starts; the rest of this package is its
 * settings and what it reports.
 */
package dev.regionless.replication;
