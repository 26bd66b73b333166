package dev.regionless.template.internal.resource;

import dev.regionless.template.HealthCheckSpec;
import dev.regionless.template.RoutingRecord;
import dev.regionless.template.internal.node.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The Route 53 records and health checks of one read of a template: records are checked against each other as they
 * are added (Route 53 refuses conflicting records in a zone), and their health check ids once every check is known,
 * since a record may come before the check it names.
 */
final class RoutingRegistry {
    private final List<HealthCheckSpec> healthChecks = new ArrayList<>();
    private final List<RecordSetReader.ReadRecord> records = new ArrayList<>();

    void addHealthCheck(HealthCheckSpec check) {
        healthChecks.add(check);
    }

    /** Adds a record; fails, where it is declared, if Route 53 would refuse it beside one added before. */
    void addRecord(RecordSetReader.ReadRecord read) {
        for (var earlier : records) {
            read.record().conflict(earlier.record()).ifPresent(problem -> {
                throw read.location()
                        .error(problem + ", declared by " + earlier.record().logicalId());
            });
        }
        records.add(read);
    }

    List<HealthCheckSpec> healthChecks() {
        return List.copyOf(healthChecks);
    }

    /** The records; fails on a {@code HealthCheckId} that names no health check of this template. */
    List<RoutingRecord> records() {
        for (var read : records) {
            read.healthCheckId().ifPresent(node -> {
                var id = Values.string(node);
                if (healthChecks.stream().noneMatch(check -> check.id().equals(id))) {
                    throw Values.unexpected(
                            node, "the Ref of an AWS::Route53::HealthCheck of this template, such as !Ref HealthCheck");
                }
            });
        }
        return records.stream().map(RecordSetReader.ReadRecord::record).toList();
    }
}
