package dev.regionless.region.replication;

import static dev.regionless.region.replication.GlobalTableFixture.CONVERGENCE;
import static dev.regionless.region.replication.GlobalTableFixture.client;
import static dev.regionless.region.replication.GlobalTableFixture.createGlobalTable;
import static dev.regionless.region.replication.GlobalTableFixture.createTable;
import static dev.regionless.region.replication.GlobalTableFixture.item;
import static dev.regionless.region.replication.GlobalTableFixture.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableStatus;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReplicaUpdate;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * The global tables API of version 2017.11.29 (DescribeGlobalTable, ListGlobalTables, CreateGlobalTable,
 * UpdateGlobalTable) through the AWS SDK, answered for the tables that are global tables here.
 */
class LegacyGlobalTableApiIT {
    static final List<String> REGIONS = List.of("eu-west-2", "us-east-1", "us-west-2");

    @TempDir
    static Path data;

    static RegionSet regions;
    static DynamoDbClient london;
    static DynamoDbClient oregon;

    @BeforeAll
    static void start() {
        regions = RegionSet.start(data, REGIONS);
        london = client(regions, "eu-west-2");
        oregon = client(regions, "us-west-2");
        createGlobalTable(regions, "legacy-everywhere", REGIONS);
        createGlobalTable(regions, "legacy-pair", List.of("eu-west-2", "us-east-1"));
        createTable(london, "legacy-single");
    }

    @AfterAll
    static void stop() {
        london.close();
        oregon.close();
        regions.close();
    }

    @Test
    void describeGlobalTableListsEveryReplicaOfAGlobalTable() {
        var description = oregon.describeGlobalTable(b -> b.globalTableName("legacy-everywhere"))
                .globalTableDescription();

        assertThat(description.globalTableName()).isEqualTo("legacy-everywhere");
        var account = oregon.describeTable(b -> b.tableName("legacy-everywhere"))
                .table()
                .tableArn()
                .split(":")[4];
        assertThat(description.globalTableArn())
                .isEqualTo("arn:aws:dynamodb::" + account + ":global-table/legacy-everywhere");
        assertThat(description.globalTableStatus()).isEqualTo(GlobalTableStatus.ACTIVE);
        assertThat(description.creationDateTime())
                .isBefore(Instant.now())
                .isAfter(Instant.now().minusSeconds(600));
        assertThat(description.replicationGroup())
                .extracting(replica -> replica.regionName() + " " + replica.replicaStatusAsString())
                .containsExactlyInAnyOrder("eu-west-2 ACTIVE", "us-east-1 ACTIVE", "us-west-2 ACTIVE");
    }

    @Test
    void describeGlobalTableOfATableThatIsNotGlobalAnswersGlobalTableNotFound() {
        assertThatThrownBy(() -> london.describeGlobalTable(b -> b.globalTableName("legacy-single")))
                .isInstanceOf(GlobalTableNotFoundException.class)
                .hasMessageContaining("legacy-single");
        assertThatThrownBy(() -> london.describeGlobalTable(b -> b.globalTableName("no-such-table")))
                .isInstanceOf(GlobalTableNotFoundException.class)
                .hasMessageContaining("no-such-table");
    }

    @Test
    void listGlobalTablesNamesOnlyGlobalTablesWithTheirReplicationGroups() {
        var tables = london.listGlobalTables(b -> {}).globalTables();

        assertThat(tables)
                .filteredOn(table -> List.of("legacy-everywhere", "legacy-pair", "legacy-single")
                        .contains(table.globalTableName()))
                .extracting(table -> table.globalTableName() + " "
                        + table.replicationGroup().stream()
                                .map(replica -> replica.regionName())
                                .sorted()
                                .toList())
                .containsExactly(
                        "legacy-everywhere [eu-west-2, us-east-1, us-west-2]", "legacy-pair [eu-west-2, us-east-1]");
    }

    @Test
    void listGlobalTablesFiltersByRegion() {
        var inOregon = london.listGlobalTables(b -> b.regionName("us-west-2")).globalTables();

        assertThat(inOregon)
                .extracting(table -> table.globalTableName())
                .contains("legacy-everywhere")
                .doesNotContain("legacy-pair", "legacy-single");
    }

    @Test
    void listGlobalTablesPagesWithLimitAndExclusiveStartName() {
        var first = london.listGlobalTables(b -> b.limit(1).exclusiveStartGlobalTableName("legacy-d"));

        assertThat(first.globalTables()).extracting(t -> t.globalTableName()).containsExactly("legacy-everywhere");
        assertThat(first.lastEvaluatedGlobalTableName()).isEqualTo("legacy-everywhere");

        var second = london.listGlobalTables(
                b -> b.limit(1).exclusiveStartGlobalTableName(first.lastEvaluatedGlobalTableName()));
        assertThat(second.globalTables()).extracting(t -> t.globalTableName()).containsExactly("legacy-pair");
    }

    @Test
    void createGlobalTableMakesATableWithDataGlobalAndItsItemsReachTheOtherRegions() {
        createTable(london, "legacy-created");
        london.putItem(b -> b.tableName("legacy-created").item(item("before", "1")));

        var created = london.createGlobalTable(b -> b.globalTableName("legacy-created")
                        .replicationGroup(replica("eu-west-2"), replica("us-west-2")))
                .globalTableDescription();

        assertThat(created.replicationGroup())
                .extracting(replica -> replica.regionName())
                .containsExactly("eu-west-2", "us-west-2");
        await().atMost(CONVERGENCE)
                .until(() -> oregon.describeGlobalTable(b -> b.globalTableName("legacy-created"))
                                .globalTableDescription()
                                .globalTableStatus()
                        == GlobalTableStatus.ACTIVE);
        await().atMost(CONVERGENCE)
                .until(() -> oregon.getItem(b ->
                                b.tableName("legacy-created").key(key("before")).consistentRead(true))
                        .hasItem());
    }

    @Test
    void createGlobalTableForATableThatIsAlreadyGlobalAnswersGlobalTableAlreadyExists() {
        assertThatThrownBy(() -> london.createGlobalTable(b ->
                        b.globalTableName("legacy-pair").replicationGroup(replica("eu-west-2"), replica("us-west-2"))))
                .isInstanceOf(GlobalTableAlreadyExistsException.class);
    }

    @Test
    void createGlobalTableWithoutATableHereAnswersTableNotFound() {
        assertThatThrownBy(() -> london.createGlobalTable(b -> b.globalTableName("legacy-missing")
                        .replicationGroup(replica("eu-west-2"), replica("us-west-2"))))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessageContaining("legacy-missing");
    }

    @Test
    void updateGlobalTableAddsAndRemovesReplicas() {
        createGlobalTable(regions, "legacy-updated", List.of("eu-west-2", "us-east-1"));

        var added = london.updateGlobalTable(b -> b.globalTableName("legacy-updated")
                        .replicaUpdates(ReplicaUpdate.builder()
                                .create(c -> c.regionName("us-west-2"))
                                .build()))
                .globalTableDescription();
        assertThat(added.replicationGroup())
                .extracting(replica -> replica.regionName())
                .containsExactlyInAnyOrder("eu-west-2", "us-east-1", "us-west-2");
        await().atMost(CONVERGENCE)
                .until(() -> london.describeGlobalTable(b -> b.globalTableName("legacy-updated"))
                                .globalTableDescription()
                                .globalTableStatus()
                        == GlobalTableStatus.ACTIVE);

        var removed = london.updateGlobalTable(b -> b.globalTableName("legacy-updated")
                        .replicaUpdates(ReplicaUpdate.builder()
                                .delete(d -> d.regionName("us-east-1"))
                                .build()))
                .globalTableDescription();
        assertThat(removed.replicationGroup())
                .extracting(replica -> replica.regionName())
                .containsExactlyInAnyOrder("eu-west-2", "us-west-2");
    }

    @Test
    void updateGlobalTableRefusesAReplicaThatExistsOrOneThatDoesNot() {
        assertThatThrownBy(() -> london.updateGlobalTable(b -> b.globalTableName("legacy-pair")
                        .replicaUpdates(ReplicaUpdate.builder()
                                .create(c -> c.regionName("us-east-1"))
                                .build())))
                .isInstanceOf(ReplicaAlreadyExistsException.class)
                .hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> london.updateGlobalTable(b -> b.globalTableName("legacy-pair")
                        .replicaUpdates(ReplicaUpdate.builder()
                                .delete(d -> d.regionName("us-west-2"))
                                .build())))
                .isInstanceOf(ReplicaNotFoundException.class)
                .hasMessageContaining("us-west-2");
        assertThatThrownBy(() -> london.updateGlobalTable(b -> b.globalTableName("legacy-single")
                        .replicaUpdates(ReplicaUpdate.builder()
                                .create(c -> c.regionName("us-west-2"))
                                .build())))
                .isInstanceOf(GlobalTableNotFoundException.class);
    }

    private static Replica replica(String region) {
        return Replica.builder().regionName(region).build();
    }
}
