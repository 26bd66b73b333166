package dev.regionless.replication;

import static java.util.Objects.requireNonNull;

import dev.regionless.replication.internal.ReplicaComparison;
import java.net.URI;
import java.util.Map;

/**
 * Compares the replicas of a global table without shipping them: each replica answers fingerprints of ranges of
 * partition key hashes (a count and a digest over each item's key and version), ranges whose fingerprints differ
 * are split and asked again, and only small differing ranges are listed key by key. Items are compared by version
 * alone, so a replica that is still catching up shows the items it has not received yet.
 *
 * <p>Talks to the regions' service ports, where replication listens; it needs no running region of its own, so the
 * CLI and tests use it alike.
 */
public final class TableVerifier {
    private TableVerifier() {}

    /**
     * Compares every replica of {@code table}.
     *
     * @param serviceUris the service ports of the running regions by name; those holding no replica of the table
     *     are left out, every replica must be among them
     * @throws IllegalArgumentException when no region holds the table, or a replica is not among the regions
     * @throws IllegalStateException when a replica does not answer
     */
    public static TableVerification verify(String table, Map<String, URI> serviceUris) {
        requireNonNull(table, "table");
        requireNonNull(serviceUris, "serviceUris");
        return new ReplicaComparison(table, serviceUris).run();
    }
}
