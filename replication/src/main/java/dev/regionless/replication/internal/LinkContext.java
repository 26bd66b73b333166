package dev.regionless.replication.internal;

import dev.regionless.replication.ReplicationConfig;
import dev.regionless.tables.TableStore;

/**
 * What every link and backfill of a region shares: its settings, its tables, its cursors, its HTTP client, which
 * links are cut, and the link delays in force.
 */
record LinkContext(
        ReplicationConfig config,
        TableStore store,
        CursorFile cursors,
        PeerClient client,
        LinkCuts cuts,
        LiveDelays delays) {
    String region() {
        return config.region();
    }
}
