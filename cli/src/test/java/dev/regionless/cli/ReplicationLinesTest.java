package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import org.junit.jupiter.api.Test;

class ReplicationLinesTest {
    @Test
    void eachLinkShowsItsBacklogAndLagAndACutOrFailingLinkSaysSo() throws Exception {
        var replication = Json.mapper().readTree("""
                {"region": "eu-west-2", "backfills": ["orders>ap-south-1 (1200 items shipped)"], "links": [
                  {"table": "messages", "source": "eu-west-2", "destination": "us-east-1", "cursor": 42,
                   "pending": 0, "oldestPendingAgeMillis": 0, "lagP50Millis": 3, "lagP99Millis": 41,
                   "shipped": 120, "cut": false, "lastError": null},
                  {"table": "messages", "source": "eu-west-2", "destination": "us-west-2", "cursor": 40,
                   "pending": 17, "oldestPendingAgeMillis": 5300, "lagP50Millis": -1, "lagP99Millis": -1,
                   "shipped": 0, "cut": true, "lastError": "the link from eu-west-2 to us-west-2 is cut"},
                  {"table": "orders", "source": "eu-west-2", "destination": "ap-south-1", "cursor": 9,
                   "pending": 2, "oldestPendingAgeMillis": 800, "lagP50Millis": 5, "lagP99Millis": 9,
                   "shipped": 7, "cut": false, "lastError": "region ap-south-1 did not answer"}]}
                """);

        var lines = ReplicationLines.of(replication);

        assertThat(lines)
                .containsExactly(
                        "  messages > us-east-1         pending      0  oldest    0 ms  lag p50    3 ms  p99   41 ms"
                                + "  shipped 120",
                        "  messages > us-west-2         pending     17  oldest 5300 ms  lag p50      -  p99      -"
                                + "  shipped 0  CUT",
                        "  orders > ap-south-1          pending      2  oldest  800 ms  lag p50    5 ms  p99    9 ms"
                                + "  shipped 7  error: region ap-south-1 did not answer",
                        "  filling orders>ap-south-1 (1200 items shipped)");
    }
}
