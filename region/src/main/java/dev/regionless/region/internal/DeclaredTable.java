package dev.regionless.region.internal;

import static java.util.Objects.requireNonNull;

import dev.regionless.tables.catalog.TableDefinition;
import java.util.Map;

/**
 * A table as a template declares it, in the table store's terms: what CreateTable takes, and the settings DynamoDB
 * keeps beside the definition (time to live, tags).
 *
 * @param logicalId the template resource, named in deploy errors
 * @param definition the table; its indexes are numbered in template order, local indexes first
 * @param ttlAttribute the time-to-live attribute, or {@code null} when time to live is off
 * @param tags the table's tags
 */
public record DeclaredTable(
        String logicalId,
        TableDefinition definition,
        String ttlAttribute,
        Map<String, String> tags,
        java.util.List<String> replicaRegions) {

    public DeclaredTable {
        requireNonNull(logicalId, "logicalId");
        requireNonNull(definition, "definition");
        tags = Map.copyOf(tags);
        replicaRegions = java.util.List.copyOf(replicaRegions);
    }

    public String name() {
        return definition.name();
    }
}
