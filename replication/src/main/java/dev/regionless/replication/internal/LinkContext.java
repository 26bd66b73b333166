package dev.regionless.replication.internal;

import dev.regionless.replication.ReplicationConfig;
import dev.regionless.tables.TableStore;

/**
 * What every link and backfill of a region shares: its settings, its tables, its cursors, its HTTP client, and
 * which links are cut.
 */
record LinkContext(ReplicationConfig config, TableStore store, CursorFile cursors, PeerClient client, LinkCuts cuts) {
    String region() {
        return config.region();
    }
}
