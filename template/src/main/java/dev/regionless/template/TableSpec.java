package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable} or {@code AWS::DynamoDB::GlobalTable}, with
 * SAM's and DynamoDB's defaults filled in. Its name is the same in every region, so one table name in a function's
 * environment works everywhere.
 *
 * <p>A global table is part of a region's application only when the region is one of its {@code Replicas}; its
 * capacity, tags and deletion protection are that replica's. Creating it in each replica region is all this model
 * asks for: copying writes between the replicas is the region's job, and not done yet.
 *
 * @param logicalId the resource's key under {@code Resources}
 * @param tableName {@code TableName}, or, when the template sets none, a name generated as CloudFormation does
 *     ({@code stack-LogicalId-SUFFIX}), with a suffix derived from the stack name and logical id so that it is the
 *     same in every region and on every deploy
 * @param keySchema the primary key
 * @param provisionedThroughput the table's capacity, or {@code null} when it is billed per request
 *     ({@code BillingMode: PAY_PER_REQUEST}, and a {@code SimpleTable} without {@code ProvisionedThroughput})
 * @param globalSecondaryIndexes the global indexes, in template order
 * @param localSecondaryIndexes the local indexes, in template order
 * @param streamViewType what the table's change stream records, or {@code null} when it has no stream
 * @param timeToLiveAttribute the attribute that holds expiry times, or {@code null} when time to live is off
 * @param tags the table's tags in template order
 * @param deletionProtection {@code DeletionProtectionEnabled}: whether DeleteTable is refused
 * @param replicaRegions for a global table, the regions of its {@code Replicas} in template order, this region among
 *     them; empty for a table of one region
 */
public record TableSpec(
        String logicalId,
        String tableName,
        KeySpec keySchema,
        ThroughputSpec provisionedThroughput,
        List<IndexSpec> globalSecondaryIndexes,
        List<IndexSpec> localSecondaryIndexes,
        StreamViewType streamViewType,
        String timeToLiveAttribute,
        Map<String, String> tags,
        boolean deletionProtection,
        List<String> replicaRegions) {

    public TableSpec {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(tableName, "tableName");
        requireNonNull(keySchema, "keySchema");
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        replicaRegions = List.copyOf(replicaRegions);
    }

    /** Whether this is an {@code AWS::DynamoDB::GlobalTable}, meant to hold the same items in every replica region. */
    public boolean global() {
        return !replicaRegions.isEmpty();
    }

    /** {@code StreamSpecification.StreamViewType}, spelled as DynamoDB spells it. */
    public enum StreamViewType {
        KEYS_ONLY,
        NEW_IMAGE,
        OLD_IMAGE,
        NEW_AND_OLD_IMAGES
    }
}
