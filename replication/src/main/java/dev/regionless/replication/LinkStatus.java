package dev.regionless.replication;

/**
 * One link of one global table, from this region to another replica, as the admin API reports it.
 *
 * @param table the table name
 * @param source this region
 * @param destination the replica's region
 * @param cursor the stream position up to which the destination has acknowledged this region's changes
 * @param pending how many changes accepted here the destination has not acknowledged yet (beyond the first
 *     20,000 stream records after the cursor, an estimate from the share of this region's changes among them)
 * @param oldestPendingAgeMillis how long ago the oldest of them was made, 0 when none is pending
 * @param lagP50Millis the median time from a change's creation to its acknowledgement, over recent shipments
 *     (-1 before the first)
 * @param lagP99Millis the 99th percentile of the same
 * @param shipped how many changes this link has delivered since the region started
 * @param resyncs how many times since the region started the link found that the stream no longer held changes
 *     the destination had not received, and had the destination resynchronised from a snapshot
 * @param cut true while the link is cut (a simulated partition), so nothing passes
 * @param lastError why the last attempt failed, or {@code null} if it succeeded
 */
public record LinkStatus(
        String table,
        String source,
        String destination,
        long cursor,
        long pending,
        long oldestPendingAgeMillis,
        long lagP50Millis,
        long lagP99Millis,
        long shipped,
        long resyncs,
        boolean cut,
        String lastError) {}
