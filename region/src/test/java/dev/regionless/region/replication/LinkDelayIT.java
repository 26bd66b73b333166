package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.replication.LinkDelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links between regions carry their configured one-way delay, as links between distant regions would. */
class LinkDelayIT {
    private static final Duration LONDON_TO_VIRGINIA = Duration.ofMillis(400);

    @TempDir
    Path data;

    @Test
    void aChangeReachesTheOtherRegionNoSoonerThanTheLinksDelay() {
        var delays = LinkDelays.none().with("eu-west-2", "us-east-1", LONDON_TO_VIRGINIA);
        try (var regions = RegionSet.start(data, List.of("eu-west-2", "us-east-1"), c -> c.withLinkDelays(delays));
                var london = client(regions, "eu-west-2");
                var virginia = client(regions, "us-east-1")) {
            createGlobalTable(regions, "far", List.of("eu-west-2", "us-east-1"));

            long written = System.nanoTime();
            london.putItem(b -> b.tableName("far").item(item("postcard", "hello")));
            await().atMost(CONVERGENCE)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> virginia.getItem(
                                    b -> b.tableName("far").key(key("postcard")).consistentRead(true))
                            .hasItem());
            var took = Duration.ofNanos(System.nanoTime() - written);

            assertThat(took).isGreaterThanOrEqualTo(LONDON_TO_VIRGINIA);
            // The link records a shipment's lag once the answer is back, a moment after the item became visible.
            await().atMost(CONVERGENCE)
                    .untilAsserted(() -> assertThat(regions.region("eu-west-2")
                                    .replication()
                                    .status()
                                    .links())
                            .singleElement()
                            .satisfies(link -> assertThat(link.lagP50Millis()).isGreaterThanOrEqualTo(400)));
        }
    }
}
