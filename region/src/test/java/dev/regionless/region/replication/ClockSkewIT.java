package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.cutLinks;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static dev.regionless.region.replication.GlobalTableFixture.restoreLinks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.tables.ChangeRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Oregon's clock runs five minutes ahead of the others'. Hybrid logical clocks still order a write after every
 * write its region had seen, so a causally later write wins whatever the clocks say; only writes made without
 * seeing each other are ordered by the (skewed) clocks.
 */
class ClockSkewIT {
    private static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");
    private static final Duration SKEW = Duration.ofMinutes(5);

    @TempDir
    static Path data;

    static RegionSet regions;
    static DynamoDbClient london;
    static DynamoDbClient virginia;
    static DynamoDbClient oregon;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(
                data,
                REGIONS,
                c -> c.name().equals("us-west-2") ? c.withClock(Clock.offset(Clock.systemUTC(), SKEW)) : c);
        london = client(regions, "eu-west-2");
        virginia = client(regions, "us-east-1");
        oregon = client(regions, "us-west-2");
    }

    @AfterAll
    static void stop() {
        london.close();
        virginia.close();
        oregon.close();
        regions.close();
    }

    @Test
    void aWriteMadeAfterSeeingTheSkewedRegionsWriteWinsEverywhere() {
        createGlobalTable(regions, "causal", REGIONS);
        oregon.putItem(b -> b.tableName("causal").item(item("profile", "from-oregon, 5 minutes ahead")));
        await().atMost(CONVERGENCE)
                .until(() -> valueIn(london, "causal", "profile").equals("from-oregon, 5 minutes ahead"));

        london.putItem(b -> b.tableName("causal").item(item("profile", "from-london, after reading it")));

        for (var client : List.of(london, virginia, oregon)) {
            await().atMost(CONVERGENCE)
                    .until(() -> valueIn(client, "causal", "profile").equals("from-london, after reading it"));
        }
        var oregonWrite = localRecord("us-west-2", "causal");
        var londonWrite = localRecord("eu-west-2", "causal");
        assertThat(londonWrite.timestamp()).isGreaterThan(oregonWrite.timestamp());
        assertThat(londonWrite.createdAtMillis())
                .as("London's wall clock is minutes behind the timestamp it gave its write")
                .isLessThan(oregonWrite.createdAtMillis() - SKEW.toMillis() / 2);
    }

    @Test
    void aWriteMadeWithoutSeeingTheSkewedRegionsEarlierWriteLosesToIt() {
        createGlobalTable(regions, "concurrent", REGIONS);
        cutLinks(regions, "us-west-2", "*");
        oregon.putItem(b -> b.tableName("concurrent").item(item("profile", "from-oregon, 5 minutes ahead")));

        london.putItem(b -> b.tableName("concurrent").item(item("profile", "from-london, later but unaware")));
        restoreLinks(regions, "us-west-2", "*");

        for (var client : List.of(london, virginia, oregon)) {
            await().atMost(CONVERGENCE)
                    .until(() -> valueIn(client, "concurrent", "profile").equals("from-oregon, 5 minutes ahead"));
        }
    }

    private static String valueIn(DynamoDbClient client, String table, String pk) {
        var answer = client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true));
        return answer.hasItem() ? answer.item().get("value").s() : "";
    }

    /** The one write the region accepted itself, from its stream. */
    private static ChangeRecord localRecord(String region, String table) {
        var tables = regions.region(region).tables();
        return tables.readStream(tables.requireTable(table), 0, 1000).stream()
                .filter(record -> record.origin().equals(region))
                .findFirst()
                .orElseThrow();
    }
}
