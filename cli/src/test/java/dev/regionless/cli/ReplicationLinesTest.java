package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import org.junit.jupiter.api.Test;

class ReplicationLinesTest {
    @Test
    void eachLinkShowsItsBacklogAndLagThenFillsWithProgressThenTombstones() throws Exception {
        var replication = Json.mapper().readTree("""
                {"region": "eu-west-2", "backfills": [
                  {"table": "orders", "destination": "ap-south-1", "kind": "backfill", "itemsTotal": 100000,
                   "itemsRead": 43000, "itemsShipped": 43000, "tombstonesShipped": 0},
                  {"table": "orders", "destination": "us-east-1", "kind": "resync", "itemsTotal": 100000,
                   "itemsRead": 12500, "itemsShipped": 4000, "tombstonesShipped": 0}],
                 "tombstones": [
                  {"table": "messages", "tombstones": 0, "horizon": 0, "collected": 0, "rounds": 3,
                   "lastOutcome": "waiting: no tombstone is older than the grace period of PT1H"},
                  {"table": "orders", "tombstones": 12, "horizon": 0, "collected": 340, "rounds": 9,
                   "lastOutcome": "waiting: us-west-2 does not answer"}],
                 "links": [
                  {"table": "messages", "source": "eu-west-2", "destination": "us-east-1", "cursor": 42,
                   "pending": 0, "oldestPendingAgeMillis": 0, "lagP50Millis": 3, "lagP99Millis": 41,
                   "shipped": 120, "cut": false, "lastError": null},
                  {"table": "messages", "source": "eu-west-2", "destination": "us-west-2", "cursor": 40,
                   "pending": 17, "oldestPendingAgeMillis": 5300, "lagP50Millis": -1, "lagP99Millis": -1,
                   "shipped": 0, "cut": true, "lastError": "the link from eu-west-2 to us-west-2 is cut"},
                  {"table": "orders", "source": "eu-west-2", "destination": "ap-south-1", "cursor": 9,
                   "pending": 2, "oldestPendingAgeMillis": 800, "lagP50Millis": 5, "lagP99Millis": 9,
                   "shipped": 7, "resyncs": 1, "cut": false, "lastError": "region ap-south-1 did not answer"}]}
                """);

        var lines = ReplicationLines.of(replication);

        assertThat(lines)
                .containsExactly(
                        "  messages > us-east-1         pending      0  oldest    0 ms  lag p50    3 ms  p99   41 ms"
                                + "  shipped 120",
                        "  messages > us-west-2         pending     17  oldest 5300 ms  lag p50      -  p99      -"
                                + "  shipped 0  CUT",
                        "  orders > ap-south-1          pending      2  oldest  800 ms  lag p50    5 ms  p99    9 ms"
                                + "  shipped 7  resynced 1x  error: region ap-south-1 did not answer",
                        "  orders > ap-south-1          CREATING 43% (43,000/100,000 items)",
                        "  orders > us-east-1           RESYNCING 12% (12,500/100,000 items read, 4,000 of this"
                                + " region's shipped)",
                        "  orders                       tombstones 12 kept, 340 collected (waiting: us-west-2 does not"
                                + " answer)");
    }
}
