package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * For {@code AWS::DynamoDB::GlobalTable} and the settings that differ from {@code AWS::DynamoDB::Table}'s (replicas,
 * capacity given as auto scaling), which properties Regionless honours, ignores with a warning, or rejects. The
 * settings it shares with a table (keys, projections, stream, time to live, tags) are in {@link TableProperties}.
 */
final class GlobalTableProperties {

    private static final String METRICS = "Regionless keeps its own logs and metrics";
    private static final String IAM = "Regionless does not enforce IAM";
    private static final String NOT_SCALED = "capacity is not limited, so it is never scaled";

    static final PropertyRules GLOBAL_TABLE = new PropertyRules(
            TableKind.GLOBAL_TABLE_TYPE,
            Set.of(
                    "TableName",
                    "AttributeDefinitions",
                    "KeySchema",
                    "BillingMode",
                    "WriteProvisionedThroughputSettings",
                    "ReadProvisionedThroughputSettings",
                    "GlobalSecondaryIndexes",
                    "LocalSecondaryIndexes",
                    "StreamSpecification",
                    "TimeToLiveSpecification",
                    "Replicas",
                    "MultiRegionConsistency"),
            Map.of(
                    "SSESpecification", TableProperties.ENCRYPTION,
                    "ReadOnDemandThroughputSettings", TableProperties.CAPACITY,
                    "WriteOnDemandThroughputSettings", TableProperties.CAPACITY,
                    "WarmThroughput", TableProperties.CAPACITY),
            Map.of(
                    "GlobalTableWitnesses",
                    "MultiRegionConsistency EVENTUAL; Regionless replicates eventually",
                    "GlobalTableSourceArn",
                    "a table declared here; Regionless cannot turn an existing table into a global one"));

    static final PropertyRules REPLICA = new PropertyRules(
            "a replica",
            Set.of(
                    "Region",
                    "ReadProvisionedThroughputSettings",
                    "GlobalSecondaryIndexes",
                    "Tags",
                    "DeletionProtectionEnabled"),
            Map.ofEntries(
                    entry("PointInTimeRecoverySpecification", TableProperties.BACKUPS),
                    entry("SSESpecification", TableProperties.ENCRYPTION),
                    entry("TableClass", "every table is stored the same way"),
                    entry("ContributorInsightsSpecification", METRICS),
                    entry(
                            "KinesisStreamSpecification",
                            "changes are not sent to Kinesis; the table's own stream has " + "them"),
                    entry("ReadOnDemandThroughputSettings", TableProperties.CAPACITY),
                    entry("ReplicaStreamSpecification", IAM),
                    entry("ResourcePolicy", IAM),
                    entry(
                            "GlobalTableSettingsReplicationMode",
                            "every replica has the settings the template gives " + "it")),
            Map.of());

    static final PropertyRules GLOBAL_INDEX = new PropertyRules(
            "a global secondary index",
            Set.of("IndexName", "KeySchema", "Projection", "WriteProvisionedThroughputSettings"),
            Map.of(
                    "WriteOnDemandThroughputSettings", TableProperties.CAPACITY,
                    "WarmThroughput", TableProperties.CAPACITY),
            Map.of());

    static final PropertyRules REPLICA_INDEX = new PropertyRules(
            "a replica's global secondary index",
            Set.of("IndexName", "ReadProvisionedThroughputSettings"),
            Map.of(
                    "ContributorInsightsSpecification",
                    METRICS,
                    "ReadOnDemandThroughputSettings",
                    TableProperties.CAPACITY),
            Map.of());

    static final PropertyRules READ_CAPACITY = new PropertyRules(
            "ReadProvisionedThroughputSettings",
            Set.of("ReadCapacityUnits", "ReadCapacityAutoScalingSettings"),
            Map.of(),
            Map.of());

    static final PropertyRules WRITE_CAPACITY = new PropertyRules(
            "WriteProvisionedThroughputSettings", Set.of("WriteCapacityAutoScalingSettings"), Map.of(), Map.of());

    static final PropertyRules AUTO_SCALING = new PropertyRules(
            "CapacityAutoScalingSettings",
            Set.of("MinCapacity", "MaxCapacity", "SeedCapacity"),
            Map.of("TargetTrackingScalingPolicyConfiguration", NOT_SCALED),
            Map.of());

    private GlobalTableProperties() {}
}
