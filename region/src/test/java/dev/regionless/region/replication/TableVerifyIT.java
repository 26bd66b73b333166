package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.cutLinks;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.restoreLinks;
import static dev.regionless.region.replication.GlobalTableFixture.scan;
import static dev.regionless.region.replication.GlobalTableFixture.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.replication.KeyDifference;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying a global table finds the items its replicas disagree on, and nothing once they have converged. */
class TableVerifyIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");

    @TempDir
    Path data;

    @Test
    void verifyListsTheItemsWrittenInACutOffReplicaUntilTheyHaveReplicated() {
        try (var regions = RegionSet.start(data, REGIONS);
                var london = client(regions, "eu-west-2")) {
            createGlobalTable(regions, "audited", REGIONS);
            for (int i = 0; i < 50; i++) {
                var written = item("item-" + i, "v" + i);
                london.putItem(b -> b.tableName("audited").item(written));
            }
            await().atMost(CONVERGENCE).until(() -> verify(regions, "audited").identical());
            assertThat(verify(regions, "audited").items()).isEqualTo(50);

            cutLinks(regions, "us-east-1", "*");
            var virginia = regions.region("us-east-1").tables();
            virginia.writeItem("audited", key("planted"), current -> Optional.of(value("planted", "only here")));
            virginia.writeItem("audited", key("item-7"), current -> Optional.of(value("item-7", "changed here")));
            var differing = verify(regions, "audited");

            assertThat(differing.identical()).isFalse();
            assertThat(differing.differences())
                    .extracting(KeyDifference::key)
                    .containsExactly("{\"pk\":{\"S\":\"item-7\"}}", "{\"pk\":{\"S\":\"planted\"}}");
            assertThat(differing.differences().get(1).versions())
                    .containsEntry("eu-west-2", KeyDifference.ABSENT)
                    .containsEntry("us-west-2", KeyDifference.ABSENT)
                    .hasEntrySatisfying(
                            "us-east-1", version -> assertThat(version).endsWith(" us-east-1"));

            restoreLinks(regions, "us-east-1", "*");
            await().atMost(CONVERGENCE).until(() -> verify(regions, "audited").identical());
            assertThat(scan(london, "audited")).hasSize(51).contains(item("planted", "only here"));
        }
    }

    private static Item key(String pk) {
        return Item.of(Map.of("pk", new AttributeValue.S(pk)));
    }

    private static Item value(String pk, String value) {
        return Item.of(Map.of("pk", new AttributeValue.S(pk), "value", new AttributeValue.S(value)));
    }
}
