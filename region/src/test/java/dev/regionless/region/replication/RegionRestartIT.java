package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.replication.LinkDelays;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A region stopped and started again on the same data folder, while the others keep taking writes. The stopped
 * region runs in a region set of its own, as a region in its own process would, and the others find it again
 * through the shared {@code endpoints.json} when it returns on another port.
 */
class RegionRestartIT {
    @TempDir
    Path data;

    /** Holds Oregon's changes on their way out until it is stopped, so they can only arrive after its restart. */
    private static final LinkDelays HOLD_OREGONS_CHANGES = LinkDelays.none()
            .with("us-west-2", "eu-west-2", Duration.ofHours(1))
            .with("us-west-2", "us-east-1", Duration.ofHours(1));

    @Test
    void aRestartedRegionCatchesUpAndItsWritesFromBeforeTheStopReachTheOthers() {
        var others = RegionSet.start(data, List.of("eu-west-2", "us-east-1"));
        var oregonSet = RegionSet.start(data, List.of("us-west-2"), c -> c.withLinkDelays(HOLD_OREGONS_CHANGES));
        var expected = new ArrayList<Map<String, AttributeValue>>();
        try (var london = client(others, "eu-west-2");
                var virginia = client(others, "us-east-1")) {
            createGlobalTable(others, "durable", List.of("eu-west-2", "us-east-1", "us-west-2"));
            try (var oregon = client(oregonSet, "us-west-2")) {
                for (int i = 0; i < 200; i++) {
                    var written = item("oregon-before-" + i, "o" + i);
                    oregon.putItem(b -> b.tableName("durable").item(written));
                    expected.add(written);
                }
            }
            oregonSet.close();
            assertThat(scan(london, "durable"))
                    .as("nothing of Oregon's shipped before it stopped")
                    .isEmpty();

            for (int i = 0; i < 100; i++) {
                var fromLondon = item("london-meanwhile-" + i, "l" + i);
                var fromVirginia = item("virginia-meanwhile-" + i, "v" + i);
                london.putItem(b -> b.tableName("durable").item(fromLondon));
                virginia.putItem(b -> b.tableName("durable").item(fromVirginia));
                expected.add(fromLondon);
                expected.add(fromVirginia);
            }
            oregonSet = RegionSet.start(data, List.of("us-west-2"));

            expected.sort(java.util.Comparator.comparing(item -> item.get("pk").s()));
            try (var oregon = client(oregonSet, "us-west-2")) {
                for (var client : List.of(london, virginia, oregon)) {
                    await().atMost(CONVERGENCE)
                            .untilAsserted(
                                    () -> assertThat(scan(client, "durable")).isEqualTo(expected));
                }
            }
        } finally {
            oregonSet.close();
            others.close();
        }
    }
}
