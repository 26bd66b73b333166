package dev.regionless.replication;

import java.util.List;

/**
 * A region's replication at one moment: every outgoing link of every global table, the replicas this region is
 * filling from a snapshot, and the collection of each global table's tombstones.
 *
 * @param region this region
 * @param links one entry per global table and destination, ordered by table then destination
 * @param backfills the replicas this region is filling (new ones, or ones being resynchronised), with progress
 * @param tombstones one entry per global table this region holds a replica of
 */
public record ReplicationStatus(
        String region, List<LinkStatus> links, List<FillStatus> backfills, List<TombstoneStatus> tombstones) {
    public ReplicationStatus {
        links = List.copyOf(links);
        backfills = List.copyOf(backfills);
        tombstones = List.copyOf(tombstones);
    }
}
