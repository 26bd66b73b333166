package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regionless.region.RegionSet;
import dev.regionless.replication.Replication;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@code regionless tables verify} (and {@code status}, which shows the links it depends on) run as their own
 * processes against the regions of a data folder.
 */
class TablesVerifyCommandIT {
    @TempDir
    Path work;

    @Test
    void verifyExitsWithZeroForIdenticalReplicasAndOneListingTheKeysThatDiffer() throws Exception {
        try (var regions = RegionSet.start(work.resolve("data"), List.of("eu-west-2", "us-east-1"));
                var london = client(regions, "eu-west-2")) {
            createGlobalTable(london, "checked", "us-east-1");
            london.putItem(b -> b.tableName("checked").item(Map.of("pk", sdk("a"))));
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> regions.region("us-east-1")
                            .tables()
                            .getItem("checked", key("a"))
                            .isPresent());

            var identical = CliProcess.run(work, "tables", "verify", "checked", "--data", "data");

            assertThat(identical.exitCode()).as(identical.output()).isZero();
            assertThat(identical.output()).contains("checked: 1 items in eu-west-2, us-east-1", "identical");

            var status = CliProcess.run(work, "status", "--data", "data");
            assertThat(status.output())
                    .containsPattern("checked > us-east-1 +pending +0  oldest +0 ms  lag p50 +\\d+ ms  p99 +\\d+ ms"
                            + "  shipped 1\\b")
                    .contains("checked > eu-west-2");

            regions.region("us-east-1").replication().cut(Replication.EVERY_PEER);
            regions.region("us-east-1")
                    .tables()
                    .writeItem("checked", key("planted"), current -> Optional.of(key("planted")));
            var different = CliProcess.run(work, "tables", "verify", "checked", "--data", "data");

            assertThat(different.exitCode()).as(different.output()).isEqualTo(1);
            assertThat(different.output())
                    .contains("1 items differ", "{\"pk\":{\"S\":\"planted\"}}")
                    .containsPattern("eu-west-2 +absent")
                    .containsPattern("us-east-1 +\\d+ us-east-1");
        }
    }

    @Test
    void verifyOfATableNoRegionHoldsExitsWithTwoAndSaysSo() throws Exception {
        var regions = RegionSet.start(work.resolve("data"), List.of("eu-west-2"));
        try {
            var result = CliProcess.run(work, "tables", "verify", "missing", "--data", "data");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.output()).contains("table missing: no running region holds it (running: [eu-west-2])");
        } finally {
            regions.close();
        }
    }

    private static void createGlobalTable(DynamoDbClient home, String table, String replica) {
        home.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build()));
        home.updateTable(b -> b.tableName(table)
                .replicaUpdates(ReplicationGroupUpdate.builder()
                        .create(c -> c.regionName(replica))
                        .build()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> home.describeTable(b -> b.tableName(table)).table().replicas().stream()
                        .allMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE));
    }

    private static DynamoDbClient client(RegionSet regions, String region) {
        return DynamoDbClient.builder()
                .endpointOverride(regions.region(region).endpoints().service())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sdk(String s) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s);
    }

    private static Item key(String pk) {
        return Item.of(Map.of("pk", new AttributeValue.S(pk)));
    }
}
