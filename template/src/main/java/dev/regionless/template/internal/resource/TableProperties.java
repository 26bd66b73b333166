package dev.regionless.template.internal.resource;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * For {@code AWS::DynamoDB::Table} and each of its nested settings, which properties Regionless honours, which it
 * ignores with a warning (and why that is harmless), and which it rejects (and what to write instead).
 */
final class TableProperties {

    static final String CAPACITY = "capacity is not limited";
    static final String ENCRYPTION = "tables are stored on the host's disk; encrypt the disk instead";
    static final String BACKUPS = "point-in-time backups are not kept";
    private static final String METRICS = "Regionless keeps its own logs and metrics";
    private static final String IAM = "Regionless does not enforce IAM";

    static final PropertyRules TABLE = new PropertyRules(
            TableKind.TABLE_TYPE,
            Set.of(
                    "TableName",
                    "AttributeDefinitions",
                    "KeySchema",
                    "BillingMode",
                    "ProvisionedThroughput",
                    "GlobalSecondaryIndexes",
                    "LocalSecondaryIndexes",
                    "StreamSpecification",
                    "TimeToLiveSpecification",
                    "Tags",
                    "DeletionProtectionEnabled"),
            Map.ofEntries(
                    entry("SSESpecification", ENCRYPTION),
                    entry("PointInTimeRecoverySpecification", BACKUPS),
                    entry("ContributorInsightsSpecification", METRICS),
                    entry("TableClass", "every table is stored the same way"),
                    entry(
                            "KinesisStreamSpecification",
                            "changes are not sent to Kinesis; the table's own stream has " + "them"),
                    entry("OnDemandThroughput", CAPACITY),
                    entry("WarmThroughput", CAPACITY),
                    entry("ResourcePolicy", IAM)),
            Map.of("ImportSourceSpecification", "an empty table; write its items with an SDK after deploy"));

    static final PropertyRules ATTRIBUTE_DEFINITION =
            new PropertyRules("an attribute definition", Set.of("AttributeName", "AttributeType"), Map.of(), Map.of());

    static final PropertyRules KEY_ELEMENT =
            new PropertyRules("a key schema element", Set.of("AttributeName", "KeyType"), Map.of(), Map.of());

    static final PropertyRules THROUGHPUT = new PropertyRules(
            "ProvisionedThroughput", Set.of("ReadCapacityUnits", "WriteCapacityUnits"), Map.of(), Map.of());

    static final PropertyRules GLOBAL_INDEX = new PropertyRules(
            "a global secondary index",
            Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput"),
            Map.of(
                    "ContributorInsightsSpecification", METRICS,
                    "OnDemandThroughput", CAPACITY,
                    "WarmThroughput", CAPACITY),
            Map.of());

    static final PropertyRules LOCAL_INDEX = new PropertyRules(
            "a local secondary index", Set.of("IndexName", "KeySchema", "Projection"), Map.of(), Map.of());

    static final PropertyRules PROJECTION =
            new PropertyRules("Projection", Set.of("ProjectionType", "NonKeyAttributes"), Map.of(), Map.of());

    static final PropertyRules STREAM =
            new PropertyRules("StreamSpecification", Set.of("StreamViewType"), Map.of("ResourcePolicy", IAM), Map.of());

    static final PropertyRules TIME_TO_LIVE =
            new PropertyRules("TimeToLiveSpecification", Set.of("AttributeName", "Enabled"), Map.of(), Map.of());

    static final PropertyRules TAG = new PropertyRules("a tag", Set.of("Key", "Value"), Map.of(), Map.of());

    private TableProperties() {}
}
