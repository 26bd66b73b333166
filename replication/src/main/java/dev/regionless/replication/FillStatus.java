package dev.regionless.replication;

/**
 * A replica this region is filling from a snapshot, as the admin API reports it: a new replica being backfilled
 * with every item of the table, or a replica being resynchronised with this region's own writes because this
 * region's stream no longer holds changes the replica had not received.
 *
 * @param table the table name
 * @param destination the replica's region
 * @param kind {@code backfill} or {@code resync}
 * @param itemsTotal how many items the table held when the fill started (the denominator of the progress)
 * @param itemsRead how many items have been read and, where they had to be, shipped and acknowledged
 * @param itemsShipped how many of those were shipped (all of them for a backfill; for a resync, this region's own)
 * @param tombstonesShipped how many deleted items' tombstones were shipped after the items
 */
public record FillStatus(
        String table,
        String destination,
        String kind,
        long itemsTotal,
        long itemsRead,
        long itemsShipped,
        long tombstonesShipped) {
    public static final String BACKFILL = "backfill";
    public static final String RESYNC = "resync";

    /** The items read as a whole percentage of the total, at most 99 while the fill is running. */
    public int percent() {
        if (itemsTotal <= 0) {
            return 99;
        }
        return (int) Math.min(99, itemsRead * 100 / itemsTotal);
    }
}
