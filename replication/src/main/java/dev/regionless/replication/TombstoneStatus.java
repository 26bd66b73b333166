package dev.regionless.replication;

/**
 * The tombstones of one global table in this region and their collection, as the admin API reports it.
 *
 * @param table the table name
 * @param tombstones how many deleted items' tombstones the replica holds now
 * @param horizon the hybrid logical clock timestamp below which tombstones have been collected (and replicated
 *     writes are refused), 0 before the first collection
 * @param collected how many tombstones this region has collected since it started
 * @param rounds how many collection rounds have run for the table since the region started
 * @param lastOutcome what the last round did, or why it could not collect (a replica unreachable, a link behind)
 */
public record TombstoneStatus(
        String table, long tombstones, long horizon, long collected, long rounds, String lastOutcome) {}
