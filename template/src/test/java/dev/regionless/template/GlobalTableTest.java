package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalTableTest {

    /** A hash key {@code room}, billed per request, with a stream: lines 5 to 9 of {@link #table}. */
    private static final String ROOM_KEY = """
            TableName: messages
            AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
            KeySchema: [{AttributeName: room, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
            """;

    /** Replicas in London and Oregon: lines 10 to 12 of {@link #table}. */
    private static final String TWO_REPLICAS = """
            Replicas:
              - Region: eu-west-2
              - Region: us-west-2
            """;

    /** A template with one global table, {@code Messages}, with {@code properties}, the first on line 5. */
    private static String table(String properties) {
        return """
                Resources:
                  Messages:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                """ + properties.stripIndent().indent(6);
    }

    private static TableSpec messages(String properties, String region) {
        return Templates.read(table(properties), TemplateContext.of(region))
                .table("Messages")
                .orElseThrow();
    }

    private static void assertRejected(String properties, String message) {
        assertThatThrownBy(() -> Templates.read(table(properties)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void globalTableInAReplicaRegionIsATableListingItsReplicas() {
        var table = messages(ROOM_KEY + TWO_REPLICAS, "us-west-2");

        assertThat(table.tableName()).isEqualTo("messages");
        assertThat(table.global()).isTrue();
        assertThat(table.replicaRegions()).containsExactly("eu-west-2", "us-west-2");
        assertThat(table.keySchema().partitionKey().name()).isEqualTo("room");
        assertThat(table.streamViewType()).isEqualTo(TableSpec.StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.provisionedThroughput()).isNull();
    }

    @Test
    void regionWithoutAReplicaHasNoTableAndAWarning() {
        var app = Templates.read(table(ROOM_KEY + TWO_REPLICAS), TemplateContext.of("ap-south-1"));

        assertThat(app.tables()).isEmpty();
        assertThat(app.warnings())
                .containsExactly("template.yaml:2: Resources.Messages: has no replica in ap-south-1 (Replicas: "
                        + "eu-west-2, us-west-2), so ap-south-1 has no table messages");
    }

    @Test
    void replicaRegionReadsWithoutWarnings() {
        var app = Templates.read(table(ROOM_KEY + TWO_REPLICAS));

        assertThat(app.warnings()).isEmpty();
    }

    @Test
    void tagsAndDeletionProtectionAreThoseOfTheRegionsReplica() {
        var properties = ROOM_KEY + """
                Replicas:
                  - Region: eu-west-2
                    DeletionProtectionEnabled: true
                    Tags: [{Key: team, Value: london}]
                  - Region: us-west-2
                    Tags: [{Key: team, Value: oregon}]
                """;

        var london = messages(properties, "eu-west-2");
        var oregon = messages(properties, "us-west-2");

        assertThat(london.tags()).isEqualTo(Map.of("team", "london"));
        assertThat(london.deletionProtection()).isTrue();
        assertThat(oregon.tags()).isEqualTo(Map.of("team", "oregon"));
        assertThat(oregon.deletionProtection()).isFalse();
    }

    @Test
    void provisionedCapacityIsTheSeedOrMinimumOfWriteScalingAndTheReplicasRead() {
        var table = messages("""
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings:
                    MinCapacity: 5
                    MaxCapacity: 50
                    TargetTrackingScalingPolicyConfiguration: {TargetValue: 70}
                Replicas:
                  - Region: eu-west-2
                    ReadProvisionedThroughputSettings: {ReadCapacityUnits: 8}
                """, "eu-west-2");

        assertThat(table.provisionedThroughput()).isEqualTo(new ThroughputSpec(8, 5));
    }

    @Test
    void replicaWithoutReadSettingsTakesThoseOfTheTable() {
        var table = messages("""
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50, SeedCapacity: 10}
                ReadProvisionedThroughputSettings:
                  ReadCapacityAutoScalingSettings: {MinCapacity: 3, MaxCapacity: 30}
                Replicas:
                  - Region: eu-west-2
                """, "eu-west-2");

        assertThat(table.provisionedThroughput()).isEqualTo(new ThroughputSpec(3, 10));
    }

    @Test
    void provisionedReplicaWithoutAnyReadSettingsIsRejected() {
        assertRejected(
                """
                AttributeDefinitions: [{AttributeName: room, AttributeType: S}]
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50}
                Replicas:
                  - Region: eu-west-2
                """,
                "template.yaml:10: Resources.Messages.Properties.Replicas[0].ReadProvisionedThroughputSettings: is "
                        + "missing (expected: ReadCapacityUnits or ReadCapacityAutoScalingSettings, for this replica "
                        + "or for all at the table's top level, as the table is PROVISIONED)");
    }

    @Test
    void writeSettingsOnAPayPerRequestTableAreRejected() {
        assertRejected(
                ROOM_KEY + TWO_REPLICAS + """
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50}
                """,
                "template.yaml:13: Resources.Messages.Properties.WriteProvisionedThroughputSettings: is not allowed "
                        + "with BillingMode PAY_PER_REQUEST (expected: no WriteProvisionedThroughputSettings, or "
                        + "BillingMode PROVISIONED)");
    }

    @Test
    void globalIndexReadsItsWriteScalingAndTheReplicasReadForIt() {
        var table = messages("""
                AttributeDefinitions:
                  - {AttributeName: room, AttributeType: S}
                  - {AttributeName: author, AttributeType: S}
                KeySchema: [{AttributeName: room, KeyType: HASH}]
                WriteProvisionedThroughputSettings:
                  WriteCapacityAutoScalingSettings: {MinCapacity: 5, MaxCapacity: 50}
                GlobalSecondaryIndexes:
                  - IndexName: by_author
                    KeySchema: [{AttributeName: author, KeyType: HASH}]
                    Projection: {ProjectionType: ALL}
                    WriteProvisionedThroughputSettings:
                      WriteCapacityAutoScalingSettings: {MinCapacity: 2, MaxCapacity: 20}
                Replicas:
                  - Region: eu-west-2
                    ReadProvisionedThroughputSettings: {ReadCapacityUnits: 8}
                    GlobalSecondaryIndexes:
                      - IndexName: by_author
                        ReadProvisionedThroughputSettings: {ReadCapacityUnits: 4}
                """, "eu-west-2");

        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.name()).isEqualTo("by_author");
            assertThat(index.provisionedThroughput()).isEqualTo(new ThroughputSpec(4, 2));
        });
    }

    @Test
    void replicaSettingsForAnIndexTheTableDoesNotHaveAreRejected() {
        assertRejected(
                ROOM_KEY + """
                Replicas:
                  - Region: eu-west-2
                    GlobalSecondaryIndexes: [{IndexName: by_author}]
                """,
                "template.yaml:12: Resources.Messages.Properties.Replicas[0].GlobalSecondaryIndexes[0].IndexName: "
                        + "by_author is not a global secondary index of the table (expected: the table has none)");
    }

    @Test
    void moreThanOneReplicaNeedsAStream() {
        assertRejected(
                ROOM_KEY.replace("StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n", "") + TWO_REPLICAS,
                "template.yaml:4: Resources.Messages.Properties.StreamSpecification: is missing (expected: a "
                        + "StreamViewType, which a global table with more than one replica needs)");
    }

    @Test
    void oneReplicaNeedsNoStream() {
        var table = messages(
                ROOM_KEY.replace("StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}\n", "")
                        + "Replicas: [{Region: eu-west-2}]\n",
                "eu-west-2");

        assertThat(table.streamViewType()).isNull();
        assertThat(table.replicaRegions()).isEqualTo(List.of("eu-west-2"));
    }

    @Test
    void replicaRegionListedTwiceIsRejected() {
        assertRejected(
                ROOM_KEY + "Replicas: [{Region: eu-west-2}, {Region: eu-west-2}]\n",
                "template.yaml:10: Resources.Messages.Properties.Replicas[1].Region: eu-west-2 is already a replica "
                        + "of this table (expected: each region once)");
    }

    @Test
    void tableWithoutReplicasIsRejected() {
        assertRejected(
                ROOM_KEY,
                "template.yaml:4: Resources.Messages.Properties.Replicas: is missing (expected: a list of replicas, "
                        + "each with its Region)");
    }

    @Test
    void strongConsistencyIsRejectedBecauseReplicationIsEventual() {
        assertRejected(
                ROOM_KEY + TWO_REPLICAS + "MultiRegionConsistency: STRONG\n",
                "template.yaml:13: Resources.Messages.Properties.MultiRegionConsistency: STRONG is not supported by "
                        + "Regionless (expected: EVENTUAL; replicas converge after a write, they do not agree before "
                        + "it returns)");
    }

    @Test
    void replicaPropertiesWithoutEffectHereAreWarnedAbout() {
        var app = Templates.read(table(ROOM_KEY + """
                Replicas:
                  - Region: eu-west-2
                    PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                """));

        assertThat(app.warnings())
                .containsExactly("template.yaml:12: Resources.Messages.Properties.Replicas[0]"
                        + ".PointInTimeRecoverySpecification: is ignored (point-in-time backups are not kept)");
    }

    @Test
    void refGivesTheTableNameAndGetAttArnItsArnInTheRegion() {
        var yaml = Templates.hello("""
                Environment:
                  Variables:
                    TABLE_NAME: !Ref Messages
                    TABLE_ARN: !GetAtt Messages.Arn
                """) + table(ROOM_KEY + TWO_REPLICAS).replace("Resources:\n", "");

        var function = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Hello")
                .orElseThrow();

        assertThat(function.environment())
                .containsEntry("TABLE_NAME", "messages")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-west-2:123456789012:table/messages");
    }
}
