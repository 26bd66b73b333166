package dev.regionless.tables.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A table as the catalog keeps it: its definition and everything the service adds.
 *
 * @param definition what it was created (and last updated) with
 * @param id a number unique in the region, never reused, that names the table's data in storage
 * @param arn {@code arn:aws:dynamodb:<region>:<account>:table/<name>}
 * @param tableId the UUID DescribeTable reports as TableId
 * @param createdAtMillis creation time, epoch milliseconds
 * @param status CREATING, ACTIVE, UPDATING or DELETING
 * @param indexStatuses each index's status by name: CREATING while it is backfilled, then ACTIVE
 * @param streamLabel the label of the current stream (a timestamp), or {@code null} if there never was one
 * @param ttlAttribute the attribute holding expiry times, or {@code null} when time to live is disabled
 * @param tags the table's tags
 * @param replicas the regions holding replicas of this table when it is a global table (this one included), else
 *     empty
 * @param replicaStatuses the status of each replica that is not ACTIVE (a new replica is CREATING until it has been
 *     filled); replicas not named here are ACTIVE
 */
public record TableState(
        TableDefinition definition,
        long id,
        String arn,
        String tableId,
        long createdAtMillis,
        String status,
        Map<String, String> indexStatuses,
        String streamLabel,
        String ttlAttribute,
        Map<String, String> tags,
        java.util.List<String> replicas,
        Map<String, String> replicaStatuses) {
    public TableState {
        requireNonNull(definition, "definition");
        requireNonNull(arn, "arn");
        requireNonNull(tableId, "tableId");
        requireNonNull(status, "status");
        indexStatuses = Map.copyOf(indexStatuses);
        tags = Map.copyOf(tags);
        // Catalog entries written before global tables existed have no replicas field.
        replicas = replicas == null ? java.util.List.of() : java.util.List.copyOf(replicas);
        replicaStatuses = replicaStatuses == null ? Map.of() : Map.copyOf(replicaStatuses);
    }

    /** The status of this table's replica in {@code region}: CREATING while it is filled, else ACTIVE. */
    public String replicaStatus(String region) {
        return replicaStatuses.getOrDefault(region, "ACTIVE");
    }

    /** True for a global table: deletes leave tombstones, so a late replicated write cannot bring an item back. */
    public boolean isGlobal() {
        return !replicas.isEmpty();
    }

    public TableState withReplicas(java.util.List<String> newReplicas) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                streamLabel,
                ttlAttribute,
                tags,
                newReplicas,
                replicaStatuses);
    }

    /** This table with these replica statuses; see {@link #replicaStatuses()}. */
    public TableState withReplicaStatuses(Map<String, String> newStatuses) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                streamLabel,
                ttlAttribute,
                tags,
                replicas,
                newStatuses);
    }

    public String name() {
        return definition.name();
    }

    /** The ARN of the current stream, or {@code null} if the table has none enabled. */
    public String streamArn() {
        return definition.stream().enabled() ? arn + "/stream/" + streamLabel : null;
    }

    public TableState withDefinition(TableDefinition newDefinition) {
        return new TableState(
                newDefinition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                streamLabel,
                ttlAttribute,
                tags,
                replicas,
                replicaStatuses);
    }

    public TableState withIndexStatuses(Map<String, String> newStatuses) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                newStatuses,
                streamLabel,
                ttlAttribute,
                tags,
                replicas,
                replicaStatuses);
    }

    public TableState withStreamLabel(String newLabel) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                newLabel,
                ttlAttribute,
                tags,
                replicas,
                replicaStatuses);
    }

    public TableState withTtlAttribute(String newAttribute) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                streamLabel,
                newAttribute,
                tags,
                replicas,
                replicaStatuses);
    }

    public TableState withTags(Map<String, String> newTags) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                status,
                indexStatuses,
                streamLabel,
                ttlAttribute,
                newTags,
                replicas,
                replicaStatuses);
    }

    public TableState withStatus(String newStatus) {
        return new TableState(
                definition,
                id,
                arn,
                tableId,
                createdAtMillis,
                newStatus,
                indexStatuses,
                streamLabel,
                ttlAttribute,
                tags,
                replicas,
                replicaStatuses);
    }
}
