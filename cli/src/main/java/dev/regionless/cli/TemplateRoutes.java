package dev.regionless.cli;

import dev.regionless.template.Application;
import dev.regionless.template.RoutingPolicy;
import dev.regionless.template.RoutingRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routing records of a template as every region's copy declares them. A record sends its clients to the region
 * whose copy declares it, as when one stack is deployed in several AWS regions and each adds its own record (the
 * original Quack names it {@code !Sub "${AWS::Region} API"}). Records that Route 53 would refuse side by side in one
 * zone, because two regions' copies declare the same one, are refused here, naming both.
 */
final class TemplateRoutes {
    /** The records, and notes about records the edges do not use. */
    record Found(List<RouteRecord> records, List<String> warnings) {}

    private TemplateRoutes() {}

    /** @param applications the template as each region of the run reads it, in the run's order */
    static Found from(Map<String, Application> applications) {
        var declared = new ArrayList<Declared>();
        var warnings = new ArrayList<String>();
        applications.forEach((region, app) -> {
            for (var record : app.routingRecords()) {
                if (record.policy() instanceof RoutingPolicy.Simple) {
                    var note = "Resources." + record.logicalId() + ": a simple record is not used by the edges (they"
                            + " choose among latency, failover and weighted records)";
                    if (!warnings.contains(note)) {
                        warnings.add(note);
                    }
                    continue;
                }
                var other = declared.stream()
                        .filter(d -> record.conflict(d.record).isPresent())
                        .findFirst();
                if (other.isPresent()) {
                    throw new CliException(source(record) + ": "
                            + record.conflict(other.get().record).orElseThrow()
                            + ", declared by " + source(other.get().record)
                            + " (each region's copy of the template adds its own records to one zone: give each a"
                            + " SetIdentifier and role of its own, such as !Sub \"${AWS::Region}\")");
                }
                declared.add(new Declared(record, app));
            }
        });
        return new Found(declared.stream().map(TemplateRoutes::toRoute).toList(), warnings);
    }

    private record Declared(RoutingRecord record, Application app) {}

    private static RouteRecord toRoute(Declared declared) {
        var record = declared.record;
        var check = record.healthCheckId() == null
                ? null
                : declared.app
                        .healthCheck(record.healthCheckId())
                        .orElseThrow(() -> new CliException(source(record) + ": HealthCheckId "
                                + record.healthCheckId() + " (expected: the Ref of an AWS::Route53::HealthCheck of "
                                + record.region() + "'s copy of the template)"));
        if (record.policy() instanceof RoutingPolicy.Latency latency
                && !latency.region().equals(record.region())) {
            throw new CliException(source(record) + ": Region " + latency.region() + " (expected: " + record.region()
                    + ", the region whose copy of the template declares the record, such as !Ref AWS::Region; the"
                    + " edges send a record's clients to that region)");
        }
        boolean evaluate = record.aliasTarget() != null && record.aliasTarget().evaluateTargetHealth();
        return new RouteRecord(
                source(record), record.name(), zone(record), record.region(), record.policy(), check, evaluate);
    }

    private static String source(RoutingRecord record) {
        return "Resources." + record.logicalId() + " in " + record.region() + "'s copy of the template";
    }

    /** The zone's name, or, for a zone given by id, the record's name less its first label. */
    private static String zone(RoutingRecord record) {
        if (record.hostedZoneName() != null) {
            return record.hostedZoneName();
        }
        int dot = record.name().indexOf('.');
        return dot < 0 ? record.name() : record.name().substring(dot + 1);
    }
}
