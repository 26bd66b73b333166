package dev.regionless.replication;

import java.util.List;

/**
 * A region's replication at one moment: every outgoing link of every global table, and the replicas this region
 * is filling.
 *
 * @param region this region
 * @param links one entry per global table and destination, ordered by table then destination
 * @param backfills the new replicas this region is filling, as {@code table>region}
 */
public record ReplicationStatus(String region, List<LinkStatus> links, List<String> backfills) {
    public ReplicationStatus {
        links = List.copyOf(links);
        backfills = List.copyOf(backfills);
    }
}
