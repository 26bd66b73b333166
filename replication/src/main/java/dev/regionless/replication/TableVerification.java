package dev.regionless.replication;

import java.util.List;

/**
 * What comparing the replicas of a global table found.
 *
 * @param table the table
 * @param replicas the regions compared, sorted
 * @param items how many items the first replica holds
 * @param requests how many requests the comparison took (fingerprints and key listings), which grows with the
 *     differences, not with the table
 * @param differences the items the replicas disagree on, by key; empty when the replicas are identical
 */
public record TableVerification(
        String table, List<String> replicas, long items, int requests, List<KeyDifference> differences) {
    public TableVerification {
        replicas = List.copyOf(replicas);
        differences = List.copyOf(differences);
    }

    /** True if every replica holds the same items with the same versions. */
    public boolean identical() {
        return differences.isEmpty();
    }
}
